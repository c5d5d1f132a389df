import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractMarkers, formatPassagesForPrompt, numberPassages } from '../../src/answer/citations.ts';
import { createChatModel, LlmAnswerer, LlmUnavailableError } from '../../src/answer/llm.ts';
import { noAnswerResponse } from '../../src/answer/no-answer.ts';
import { prompts } from '../../src/answer/prompts.ts';
import type { Answerer, AskEvent, AskOptions, AskResponse, SearchResult } from '../../src/types.ts';
import { closedPort, type ChatReply, type FakeOpenAiServer, messagesOf, startFakeOpenAiServer } from '../support/fake-openai-server.ts';
import { AI_PRODUCTS, GUIZHOU_TARGETS, PLATFORM_ECONOMY, RENEWABLE_ENERGY, SEED_TEXT } from '../support/seed-passages.ts';

const QUESTION = '贵州要发展哪些人工智能产品？';
// Retrieval order: [1] energy, [2] AI products, [3] Guizhou targets, [4] platform economy.
const PASSAGES: SearchResult[] = [RENEWABLE_ENERGY, AI_PRODUCTS, GUIZHOU_TARGETS, PLATFORM_ECONOMY];
const SUPPORTED_AI = '贵州要发展无人驾驶、智能家居、图像识别等人工智能产品[2]。';
const SUPPORTED_PLATFORM = '到2025年，要培育百亿级平台经济企业1-2家[4]。';
const INVENTED = '贵州还将建设全国最大的人工智能训练中心[2]。';

/** Answers with the first sentence of the best passage: enough to tell its replies apart. */
class FirstSentenceAnswerer implements Answerer {
  readonly mode = 'extractive' as const;
  calls = 0;
  async answer(question: string, passages: SearchResult[]): Promise<AskResponse> {
    this.calls++;
    const [first] = numberPassages(passages.slice(0, 1));
    const sentence = first ? `${(first.text.split('。')[0] ?? '').trim()}[1]。` : '';
    return { status: 'answered', answer: sentence, mode: 'extractive', citations: first ? [first] : [], question, debug: { from: 'fallback' } };
  }
  async *stream(question: string, passages: SearchResult[], options: AskOptions): AsyncGenerator<AskEvent> {
    const response = await this.answer(question, passages);
    void options;
    yield { type: 'citations', citations: response.citations };
    yield { type: 'delta', text: response.answer };
    yield { type: 'done', response };
  }
}

async function collect(events: AsyncIterable<AskEvent>): Promise<AskEvent[]> {
  const out: AskEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

function fallbackMarked(response: AskResponse): AskResponse {
  return { ...response, fallback: 'llm_unavailable' };
}

let server: FakeOpenAiServer;
before(async () => {
  server = await startFakeOpenAiServer();
});
after(() => server.close());

function answererFor(
  reply: ChatReply,
  options: { timeoutMs?: number; baseURL?: string; fallback?: Answerer; onFallback?: (failure: LlmUnavailableError) => void } = {},
): LlmAnswerer {
  server.script({ chat: () => reply });
  const timeoutMs = options.timeoutMs ?? 5000;
  const llm = createChatModel({ model: 'fake-chat-model', baseURL: options.baseURL ?? server.baseURL, timeoutMs, temperature: 0 });
  return new LlmAnswerer({
    llm,
    timeoutMs,
    ...(options.fallback ? { fallback: options.fallback } : {}),
    ...(options.onFallback ? { onFallback: options.onFallback } : {}),
  });
}

describe('LlmAnswerer.answer', () => {
  it('sends the numbered passages and the question, and returns the answer with citations renumbered', async () => {
    const before = server.requests.length;
    const response = await answererFor(SUPPORTED_AI + SUPPORTED_PLATFORM).answer(QUESTION, PASSAGES, {});
    const { citations, ...rest } = response;
    assert.deepEqual(rest, {
      status: 'answered',
      answer: '贵州要发展无人驾驶、智能家居、图像识别等人工智能产品[1]。到2025年，要培育百亿级平台经济企业1-2家[2]。',
      mode: 'llm',
      question: QUESTION,
    });
    // Each citation is narrowed from its passage to the sentence that supports the claim, offsets kept exact.
    assert.deepEqual(citations.map((c) => [c.n, c.id]), [[1, AI_PRODUCTS.id], [2, PLATFORM_ECONOMY.id]]);
    for (const [citation, passage, phrase] of [[citations[0]!, AI_PRODUCTS, '图像识别等人工智能产品'], [citations[1]!, PLATFORM_ECONOMY, '百亿级平台经济企业1-2家']] as const) {
      assert.ok(citation.text.includes(phrase));
      assert.ok(citation.text.length < passage.text.length);
      assert.equal(SEED_TEXT.slice(citation.start, citation.end), citation.text);
    }
    assert.deepEqual(extractMarkers(response.answer), response.citations.map((c) => c.n));

    const sent = server.requests.slice(before);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.path, '/v1/chat/completions');
    assert.equal(sent[0]?.body.model, 'fake-chat-model');
    assert.equal(sent[0]?.body.temperature, 0);
    assert.equal(sent[0]?.body.stream, false);
    assert.deepEqual(messagesOf(sent[0]!), [
      { role: 'system', content: prompts.render('answer-system', {}) },
      { role: 'user', content: prompts.render('answer-user', { passages: formatPassagesForPrompt(numberPassages(PASSAGES)), question: QUESTION }) },
    ]);
    assert.ok(messagesOf(sent[0]!)[1]?.content.includes(`[2] (二、深度解读 > ★《贵州省“十四五”数字经济发展规划》部署 > 3.贵州省“十四五”数字经济发展主要任务)\n${AI_PRODUCTS.text}`));
  });

  it('removes an invented sentence, and reports it under debug when asked', async () => {
    const raw = SUPPORTED_AI + INVENTED;
    const plain = await answererFor(raw).answer(QUESTION, PASSAGES, {});
    assert.equal(plain.answer, '贵州要发展无人驾驶、智能家居、图像识别等人工智能产品[1]。');
    assert.equal(plain.debug, undefined);

    const debugged = await answererFor(raw).answer(QUESTION, PASSAGES, { debug: true });
    assert.equal(debugged.answer, plain.answer);
    const debug = debugged.debug as { unsupported: { sentence: string; markers: number[]; overlap: number }[]; raw: string };
    assert.equal(debug.raw, raw);
    assert.equal(debug.unsupported.length, 1);
    assert.equal(debug.unsupported[0]?.sentence, INVENTED);
    assert.deepEqual(debug.unsupported[0]?.markers, [2]);
    assert.ok((debug.unsupported[0]?.overlap ?? 1) < 0.5);
  });

  it('turns NO_ANSWER into the shared no-answer reply: closest passages, message in the question’s language', async () => {
    const reply = 'NO_ANSWER\n资料没有提到大数据从业人员的数量。';
    const zh = await answererFor(reply).answer('贵州省有多少名大数据从业人员？', PASSAGES, {});
    assert.deepEqual(zh, noAnswerResponse('贵州省有多少名大数据从业人员？', PASSAGES, 'llm'));
    assert.equal(zh.status, 'no_answer');
    assert.deepEqual(zh.citations.map((c) => [c.n, c.id]), [[1, 'c-energy'], [2, 'c-ai'], [3, 'c-targets']]);
    assert.deepEqual(extractMarkers(zh.answer), [1, 2, 3]);
    assert.match(zh.answer, /\p{Script=Han}/u);

    const en = await answererFor('NO_ANSWER\nThe passages do not give the population.').answer('What is the population of Guiyang?', PASSAGES, {});
    assert.deepEqual(en, noAnswerResponse('What is the population of Guiyang?', PASSAGES, 'llm'));
    assert.doesNotMatch(en.answer, /\p{Script=Han}/u);
    assert.deepEqual(extractMarkers(en.answer), [1, 2, 3]);

    const debugged = await answererFor(reply).answer('贵州省有多少名大数据从业人员？', PASSAGES, { debug: true });
    assert.deepEqual(debugged.debug, { unsupported: [], raw: reply });
  });

  it('answers no_answer when no sentence survives verification', async () => {
    const response = await answererFor(INVENTED).answer(QUESTION, PASSAGES, { debug: true });
    assert.equal(response.status, 'no_answer');
    assert.deepEqual(response.citations.map((c) => c.id), ['c-energy', 'c-ai', 'c-targets']);
    assert.deepEqual((response.debug as { unsupported: { sentence: string }[] }).unsupported.map((u) => u.sentence), [INVENTED]);
  });

  it('answers no_answer without calling the model when nothing was retrieved', async () => {
    const before = server.requests.length;
    const response = await answererFor('unused').answer(QUESTION, [], {});
    assert.deepEqual(response, noAnswerResponse(QUESTION, [], 'llm'));
    assert.deepEqual(response.citations, []);
    assert.equal(server.requests.length, before);
  });

  it('throws LlmUnavailableError when the model fails and there is no fallback', async () => {
    await assert.rejects(answererFor({ fail: 'status', status: 503 }).answer(QUESTION, PASSAGES, {}), (error: unknown) => {
      assert.ok(error instanceof LlmUnavailableError);
      assert.equal(error.reason, 'http_status');
      assert.equal(error.status, 503);
      return true;
    });
  });

  it('lets a caller abort instead of falling back', async () => {
    const fallback = new FirstSentenceAnswerer();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(answererFor({ fail: 'hang' }, { fallback }).answer(QUESTION, PASSAGES, { signal: controller.signal }));
    assert.equal(fallback.calls, 0);
  });
});

describe('LlmAnswerer.stream', () => {
  it('emits all passages as citations, then verified sentences as deltas, then the response answer() gives', async () => {
    const raw = `${SUPPORTED_PLATFORM}${INVENTED}\n${SUPPORTED_AI}`;
    const before = server.requests.length;
    const events = await collect(answererFor(raw).stream(QUESTION, PASSAGES, {}));
    const request = server.requests[before];
    assert.equal(request?.body.stream, true);
    assert.deepEqual(request?.body.stream_options, { include_usage: true });

    assert.deepEqual(events[0], { type: 'citations', citations: numberPassages(PASSAGES) });
    const deltas = events.slice(1, -1);
    assert.deepEqual(deltas, [
      { type: 'delta', text: SUPPORTED_PLATFORM },
      { type: 'delta', text: `\n${SUPPORTED_AI}` },
    ]);
    const done = events.at(-1);
    assert.equal(done?.type, 'done');
    const expected = await answererFor(raw).answer(QUESTION, PASSAGES, {});
    assert.deepEqual(done?.type === 'done' ? done.response : undefined, expected);
    assert.equal(expected.answer, '到2025年，要培育百亿级平台经济企业1-2家[1]。\n贵州要发展无人驾驶、智能家居、图像识别等人工智能产品[2]。');
  });

  it('turns NO_ANSWER into the closest passages and a no-answer message', async () => {
    const question = '贵州省有多少名大数据从业人员？';
    const events = await collect(answererFor('NO_ANSWER\n资料没有提到从业人员的数量。', {}).stream(question, PASSAGES, {}));
    const expected = noAnswerResponse(question, PASSAGES, 'llm');
    assert.deepEqual(events, [
      { type: 'citations', citations: expected.citations },
      { type: 'delta', text: expected.answer },
      { type: 'done', response: expected },
    ]);
  });
  it('ends with the no-answer reply when no streamed sentence survives verification', async () => {
    const events = await collect(answererFor(INVENTED).stream(QUESTION, PASSAGES, {}));
    const expected = noAnswerResponse(QUESTION, PASSAGES, 'llm');
    assert.deepEqual(events, [
      { type: 'citations', citations: numberPassages(PASSAGES) },
      { type: 'delta', text: expected.answer },
      { type: 'done', response: expected },
    ]);
  });
});

describe('fallback when the model is unavailable', () => {
  const failures: { name: string; reply: ChatReply; reason: string; refused?: boolean }[] = [
    { name: 'HTTP 500', reply: { fail: 'status', status: 500 }, reason: 'http_status' },
    { name: 'no reply within the timeout', reply: { fail: 'hang' }, reason: 'timeout' },
    { name: 'connection refused', reply: 'unused', reason: 'connection', refused: true },
    { name: 'connection dropped', reply: { fail: 'destroy' }, reason: 'connection' },
    { name: 'malformed JSON', reply: { fail: 'malformed' }, reason: 'malformed' },
    { name: 'empty content', reply: { text: '' }, reason: 'empty' },
  ];

  for (const failure of failures) {
    it(`${failure.name}: answer() and stream() give the fallback's reply marked llm_unavailable`, async () => {
      const fallback = new FirstSentenceAnswerer();
      const baseURL = failure.refused ? `http://127.0.0.1:${await closedPort()}/v1` : server.baseURL;
      const reported: string[] = [];
      const answerer = answererFor(failure.reply, { fallback, baseURL, timeoutMs: 300, onFallback: (f) => reported.push(f.reason) });
      const expected = fallbackMarked(await fallback.answer(QUESTION, PASSAGES));

      assert.deepEqual(await answerer.answer(QUESTION, PASSAGES, {}), expected);
      const debugged = await answerer.answer(QUESTION, PASSAGES, { debug: true });
      assert.equal((debugged.debug?.llmError as { reason: string }).reason, failure.reason);
      assert.equal(debugged.debug?.from, 'fallback');

      const events = await collect(answerer.stream(QUESTION, PASSAGES, {}));
      assert.deepEqual(events, [
        { type: 'citations', citations: expected.citations },
        { type: 'delta', text: expected.answer },
        { type: 'done', response: expected },
      ]);
      assert.deepEqual(reported, [failure.reason, failure.reason, failure.reason]);
    });
  }

  for (const fail of ['destroy', 'hang', 'malformed'] as const) {
    it(`a stream failing mid-reply (${fail}) continues with the fallback's events`, async () => {
      const fallback = new FirstSentenceAnswerer();
      const reply: ChatReply = { text: SUPPORTED_AI + SUPPORTED_PLATFORM, fail, failAfterChunks: 12, chunkSize: 3 };
      const events = await collect(answererFor(reply, { fallback, timeoutMs: 300 }).stream(QUESTION, PASSAGES, {}));
      const expected = fallbackMarked(await fallback.answer(QUESTION, PASSAGES));
      // 12 chunks of 3 characters hold the first sentence, which was verified and shown before the failure.
      assert.deepEqual(events, [
        { type: 'citations', citations: numberPassages(PASSAGES) },
        { type: 'delta', text: SUPPORTED_AI },
        { type: 'citations', citations: expected.citations },
        { type: 'delta', text: expected.answer },
        { type: 'done', response: expected },
      ]);
    });
  }
});
