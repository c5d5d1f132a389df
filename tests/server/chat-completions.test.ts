import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../src/errors.ts';
import { MODEL_ID } from '../../src/server/schemas/chat-completions.ts';
import { ANSWER_TEXT, FakeQaService, fixedResponseQa, NO_ANSWER_TEXT, PASSAGES } from './fake-qa-service.ts';
import { fakeAppPerSuite, testApp } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';
const ID = /^chatcmpl-[0-9a-f]{32}$/;

function citations(count: number) {
  return PASSAGES.slice(0, count).map(({ debug: _debug, ...passage }, i) => ({ n: i + 1, ...passage }));
}

/** The url_citation annotation of each marker of ANSWER_TEXT, as inject's requests (host localhost:80) see them. */
function annotations() {
  return citations(3).map((citation) => {
    const start = ANSWER_TEXT.indexOf(`[${citation.n}]`);
    const url = `http://localhost:80/v1/context?source=${encodeURIComponent(citation.source)}&start=${citation.start}&end=${citation.end}`;
    return { type: 'url_citation', url_citation: { url, title: [citation.source, ...citation.section].join(' › '), start_index: start, end_index: start + 3 } };
  });
}

function complete(app: FastifyInstance, payload: unknown) {
  return app.inject({ method: 'POST', url: '/v1/chat/completions', payload: payload as Record<string, unknown> });
}

/** The `data:` payloads of an OpenAI-style stream, JSON-parsed except the final `[DONE]`. */
function dataEvents(payload: string): unknown[] {
  return payload
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      assert.ok(block.startsWith('data: ') && !block.includes('\n'), `unexpected SSE block: ${JSON.stringify(block)}`);
      const data = block.slice('data: '.length);
      return data === '[DONE]' ? data : (JSON.parse(data) as unknown);
    });
}

interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: { index: number; delta: { role?: string; content?: string; citations?: unknown[] }; finish_reason: string | null; logprobs: null }[];
  citations?: unknown[];
  status?: string;
  question?: string;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

describe('POST /v1/chat/completions', () => {
  const suite = fakeAppPerSuite();
  let fake: FakeQaService;
  let app: FastifyInstance;
  beforeEach(() => ({ fake, app } = suite.current()));

  it('answers with a chat.completion whose message is the cited answer', async () => {
    const res = await complete(app, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: QUESTION }] });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.match(body.id, ID);
    assert.equal(typeof body.created, 'number');
    assert.ok(Math.abs(body.created - Date.now() / 1000) < 60);
    const { id: _id, created: _created, ...rest } = body;
    assert.deepEqual(rest, {
      model: 'gpt-4o-mini',
      object: 'chat.completion',
      choices: [
        { index: 0, message: { role: 'assistant', content: ANSWER_TEXT, citations: citations(3), annotations: annotations() }, finish_reason: 'stop', logprobs: null },
      ],
      usage: { prompt_tokens: 17, completion_tokens: 61, total_tokens: 78 },
      citations: citations(3),
      status: 'answered',
      question: QUESTION,
    });
  });

  it('reads a question sent as text parts, as the openai SDK and LangChain send it', async () => {
    const res = await complete(app, { messages: [{ role: 'user', content: [{ type: 'text', text: QUESTION }] }] });
    assert.equal(res.statusCode, 200);
    assert.equal(fake.calls.at(-1)?.text, QUESTION);
    assert.equal(res.json().choices[0].message.content, ANSWER_TEXT);
  });

  it('passes temperature, top_p, max_tokens, stop and user on to the answerer', async () => {
    await complete(app, { messages: [{ role: 'user', content: QUESTION }], temperature: 0.7, top_p: 0.9, max_tokens: 300, stop: ['\n\n'], user: 'alice', seed: 1 });
    assert.deepEqual(fake.calls.at(-1)?.options?.sampling, { temperature: 0.7, topP: 0.9, maxTokens: 300, stop: ['\n\n'], user: 'alice' });
  });

  it('names the service model when the request names none', async () => {
    const res = await complete(app, { messages: [{ role: 'user', content: QUESTION }] });
    assert.equal(res.json().model, MODEL_ID);
  });

  it('passes the last user message as the question and earlier turns as history, without system messages', async () => {
    const history = [
      { role: 'user', content: '什么是“东数西算”？' },
      { role: 'assistant', content: '把东部算力需求有序引导到西部[1]。' },
    ];
    await complete(app, { messages: [{ role: 'system', content: '只用中文回答' }, ...history, { role: 'user', content: ` ${QUESTION} ` }] });
    const call = fake.calls.at(-1);
    assert.equal(call?.method, 'ask');
    assert.equal(call?.text, QUESTION);
    assert.deepEqual(call?.options?.history, history);
    assert.ok(call?.options?.signal instanceof AbortSignal);
  });

  it('accepts and ignores the optional fields OpenAI clients send', async () => {
    const res = await complete(app, {
      model: 'x',
      messages: [{ role: 'user', content: QUESTION, name: 'alice' }],
      temperature: 0.2,
      top_p: 1,
      n: 1,
      max_tokens: 512,
      max_completion_tokens: null,
      presence_penalty: 0,
      frequency_penalty: 0,
      stop: ['\n\n'],
      seed: 7,
      user: 'u-1',
      stream: false,
      stream_options: null,
      response_format: { type: 'text' },
      tools: [],
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().choices[0].message.content, ANSWER_TEXT);
  });

  it('reports no_answer as an ordinary completion', async () => {
    const res = await complete(app, { messages: [{ role: 'user', content: '火星上有没有咖啡馆' }] });
    assert.equal(res.json().status, 'no_answer');
    assert.equal(res.json().choices[0].message.content, NO_ANSWER_TEXT);
    assert.deepEqual(res.json().citations, []);
  });

  const invalid: [string, unknown, string, string][] = [
    ['no messages', { model: 'x' }, 'INVALID_REQUEST', 'body is missing the required field "messages"'],
    ['an empty message list', { messages: [] }, 'INVALID_REQUEST', 'body/messages must NOT have fewer than 1 items'],
    ['a tool message', { messages: [{ role: 'tool', content: 'x' }] }, 'INVALID_REQUEST', 'body/messages/0/role must be equal to one of the allowed values'],
    ['content that is neither a string nor parts', { messages: [{ role: 'user', content: 42 }] }, 'INVALID_REQUEST', 'body/messages/0/content must be array; body/messages/0/content must be string; body/messages/0/content must match a schema in anyOf'],
    [
      'an image part',
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://x/y.png' } }] }] },
      'INVALID_REQUEST',
      'body/messages/0/content/0 is a "image_url" part: only "text" parts are accepted',
    ],
    ['no user message', { messages: [{ role: 'system', content: '你好' }] }, 'INVALID_REQUEST', 'body/messages must include a message with role "user"'],
    ['an empty question', { messages: [{ role: 'user', content: '  ' }] }, 'EMPTY_QUESTION', 'The question is empty: send a non-empty "question"'],
    ['a question of 2,001 characters', { messages: [{ role: 'user', content: '数'.repeat(2001) }] }, 'QUESTION_TOO_LONG', 'The question is longer than 2,000 characters: shorten it'],
    ['a temperature that is not a number', { messages: [{ role: 'user', content: QUESTION }], temperature: 'hot' }, 'INVALID_REQUEST', 'body/temperature must be number,null'],
  ];
  for (const [name, payload, code, message] of invalid) {
    it(`rejects ${name} with 400 ${code} in the product's error shape`, async () => {
      const calls = fake.calls.length;
      const res = await complete(app, payload);
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json(), { error: { code, message } });
      assert.equal(fake.calls.length, calls);
    });
  }

  it('streams chat.completion.chunk events: role, content, then citations with finish_reason stop, then [DONE]', async () => {
    const res = await complete(app, { model: 'm', messages: [{ role: 'user', content: QUESTION }], stream: true });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
    const events = dataEvents(res.payload);
    assert.equal(events.at(-1), '[DONE]');
    const chunks = events.slice(0, -1) as Chunk[];
    assert.equal(new Set(chunks.map((c) => c.id)).size, 1);
    assert.match(chunks[0]!.id, ID);
    for (const chunk of chunks) {
      assert.equal(chunk.object, 'chat.completion.chunk');
      assert.equal(chunk.model, 'm');
    }
    assert.deepEqual(chunks[0]!.choices, [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, logprobs: null }]);
    const middle = chunks.slice(1, -1);
    assert.ok(middle.length > 1);
    for (const chunk of middle) assert.equal(chunk.choices[0]!.finish_reason, null);
    assert.equal(middle.map((c) => c.choices[0]!.delta.content).join(''), ANSWER_TEXT);
    const last = chunks.at(-1)!;
    assert.deepEqual(last.choices, [{ index: 0, delta: { citations: citations(3), annotations: annotations() }, finish_reason: 'stop', logprobs: null }]);
    assert.deepEqual(last.citations, citations(3));
    assert.equal(last.status, 'answered');
    assert.equal(last.question, QUESTION);
    assert.equal(fake.calls.at(-1)?.method, 'askStream');
  });

  it('sends a usage chunk without choices before [DONE] when stream_options.include_usage is set', async () => {
    const res = await complete(app, { messages: [{ role: 'user', content: QUESTION }], stream: true, stream_options: { include_usage: true } });
    const events = dataEvents(res.payload);
    const usage = events.at(-2) as Chunk;
    assert.deepEqual(usage.choices, []);
    assert.deepEqual(usage.usage, { prompt_tokens: 17, completion_tokens: 61, total_tokens: 78 });
    assert.equal((events.at(-3) as Chunk).choices[0]?.finish_reason, 'stop');
  });
});

describe('POST /v1/chat/completions with confidence and the short answer', () => {
  const extras = { confidence: 0.42, short: { text: '有利于推动构建新发展格局', citation: 1, start: 10, end: 22 } };

  it('carries them on the message and the completion, plain and on the last streamed chunk', async () => {
    const app = await testApp(new FakeQaService({ answerExtras: extras }));
    try {
      const plain = (await complete(app, { messages: [{ role: 'user', content: QUESTION }] })).json();
      assert.deepEqual({ confidence: plain.choices[0].message.confidence, short: plain.choices[0].message.short }, extras);
      assert.deepEqual({ confidence: plain.confidence, short: plain.short }, extras);
      const streamed = dataEvents((await complete(app, { messages: [{ role: 'user', content: QUESTION }], stream: true })).payload);
      const last = streamed.at(-2) as Chunk & { choices: { delta: Record<string, unknown> }[] };
      assert.deepEqual({ confidence: last.choices[0]!.delta.confidence, short: last.choices[0]!.delta.short }, extras);
    } finally {
      await app.close();
    }
  });
});

describe('POST /v1/chat/completions when the LLM failed and the offline answerer answered', () => {
  const response = { status: 'answered' as const, answer: ANSWER_TEXT, mode: 'extractive' as const, citations: citations(3), question: QUESTION, fallback: 'llm_unavailable' as const };

  it('marks the message and the completion with fallback, as /v1/ask does', async () => {
    const app = await testApp(fixedResponseQa(response));
    const body = (await complete(app, { messages: [{ role: 'user', content: QUESTION }] })).json();
    assert.equal(body.choices[0].message.fallback, 'llm_unavailable');
    assert.equal(body.fallback, 'llm_unavailable');
    await app.close();
  });

  it('marks the final streamed chunk (its delta and the chunk) with fallback', async () => {
    const app = await testApp(fixedResponseQa(response));
    const events = dataEvents((await complete(app, { messages: [{ role: 'user', content: QUESTION }], stream: true })).payload);
    const last = events.at(-2) as Chunk & { fallback?: string; choices: { delta: { fallback?: string } }[] };
    assert.equal(last.choices[0]!.delta.fallback, 'llm_unavailable');
    assert.equal(last.fallback, 'llm_unavailable');
    assert.ok((events.slice(0, -2) as Chunk[]).every((chunk) => !('fallback' in chunk)));
    await app.close();
  });
});

describe('POST /v1/chat/completions when the engine fails', () => {
  const payload = { messages: [{ role: 'user', content: QUESTION }], stream: true };

  it('answers a failure before the first event with its status and the error shape', async () => {
    const app = await testApp(new FakeQaService({ failWith: new AppError('INDEX_MISSING') }));
    const res = await complete(app, payload);
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.json(), { error: { code: 'INDEX_MISSING', message: 'No index found: run "npm run ingest" first' } });
    await app.close();
  });

  it('ends a stream that fails midway with one error event and no [DONE], without leaking the cause', async () => {
    const app = await testApp(new FakeQaService({ failMidStreamWith: new Error('socket hang up at 10.0.0.7') }));
    const res = await complete(app, payload);
    assert.equal(res.statusCode, 200);
    const events = dataEvents(res.payload);
    assert.deepEqual(events.at(-1), { error: { code: 'INTERNAL', message: 'Internal error' } });
    assert.equal(events.includes('[DONE]'), false);
    await app.close();
  });

  it('answers 503 NOT_READY before the engine is loaded', async () => {
    const app = await testApp(null);
    const res = await complete(app, { messages: [{ role: 'user', content: QUESTION }] });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { error: { code: 'NOT_READY', message: 'The index is still loading: retry shortly' } });
    await app.close();
  });
});

describe('GET /v1/models', () => {
  it('lists the service model', async () => {
    const app = await testApp();
    const res = await app.inject({ method: 'GET', url: '/v1/models' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(typeof body.data[0]?.created, 'number');
    assert.deepEqual(body, { object: 'list', data: [{ id: 'zhida-rag', object: 'model', created: body.data[0].created, owned_by: 'zhida' }] });
    await app.close();
  });
});
