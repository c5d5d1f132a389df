/** The OpenAI-compatible routes driven by the official `openai` client over real HTTP. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import OpenAI, { AuthenticationError, BadRequestError, RateLimitError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Citation } from '../../src/types.ts';
import { ANSWER_TEXT, FakeQaService, PASSAGES } from './fake-qa-service.ts';
import { testApp } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';
const KEY = 'sk-test-0123456789';
const EXPECTED_CITATIONS = PASSAGES.slice(0, 3).map(({ debug: _debug, ...passage }, i) => ({ n: i + 1, ...passage }));

async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

function client(base: string, apiKey = KEY): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${base}/v1`, maxRetries: 0, timeout: 10_000 });
}

describe('the official openai client', () => {
  let app: FastifyInstance;
  let openai: OpenAI;
  let base: string;
  before(async () => {
    app = await testApp(new FakeQaService(), { API_KEYS: KEY, RATE_LIMIT_MAX: '20' });
    base = await listening(app);
    openai = client(base);
  });
  after(() => app.close());

  it('gets a cited answer from chat.completions.create', async () => {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: '你是一个文档问答助手。' },
        { role: 'user', content: QUESTION },
      ],
      temperature: 0,
      max_tokens: 256,
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.model, 'gpt-4o-mini');
    assert.equal(completion.choices[0]?.message.role, 'assistant');
    assert.equal(completion.choices[0]?.message.content, ANSWER_TEXT);
    assert.equal(completion.choices[0]?.finish_reason, 'stop');
    assert.deepEqual((completion as unknown as { citations: Citation[] }).citations, EXPECTED_CITATIONS);
    assert.deepEqual((completion.choices[0]?.message as unknown as { citations: Citation[] }).citations, EXPECTED_CITATIONS);
    // 11 (system) + 17 (question) prompt tokens, 61 for the answer.
    assert.deepEqual(completion.usage, { prompt_tokens: 28, completion_tokens: 61, total_tokens: 89 });
  });

  it('streams the answer: the deltas add up to it and the last chunk carries the citations', async () => {
    const stream = await openai.chat.completions.create({
      model: 'zhida-rag',
      messages: [{ role: 'user', content: QUESTION }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finished: ChatCompletionChunk | undefined;
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.choices[0]?.finish_reason === 'stop') finished = chunk;
    }
    assert.equal(chunks[0]?.choices[0]?.delta.role, 'assistant');
    assert.equal(text, ANSWER_TEXT);
    assert.ok(finished, 'a chunk with finish_reason "stop"');
    assert.deepEqual((finished as unknown as { citations: Citation[] }).citations, EXPECTED_CITATIONS);
    assert.deepEqual((finished.choices[0]?.delta as unknown as { citations: Citation[] }).citations, EXPECTED_CITATIONS);
    assert.equal(chunks.at(-1)?.usage?.total_tokens, 78);
  });

  it('sends the question as text parts and reads each [n] as a url_citation annotation', async () => {
    const completion = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: QUESTION }] }] });
    const message = completion.choices[0]!.message;
    assert.equal(message.content, ANSWER_TEXT);
    const annotations = message.annotations ?? [];
    assert.deepEqual(
      annotations.map((a) => message.content!.slice(a.url_citation.start_index, a.url_citation.end_index)),
      ['[1]', '[2]', '[3]'],
    );
    assert.deepEqual(
      annotations.map((a) => new URL(a.url_citation.url).searchParams.get('start')),
      EXPECTED_CITATIONS.map((c) => String(c.start)),
    );
  });

  it('gets the cited answer from responses.create, plain and streaming', async () => {
    const response = await openai.responses.create({ model: 'm', input: QUESTION });
    assert.equal(response.output_text, ANSWER_TEXT);
    const [item] = response.output;
    assert.equal(item?.type, 'message');
    const part = item?.type === 'message' ? item.content[0] : undefined;
    assert.equal(part?.type === 'output_text' ? part.annotations.length : 0, 3);
    assert.deepEqual((response as unknown as { citations: Citation[] }).citations, EXPECTED_CITATIONS);

    const stream = await openai.responses.create({ model: 'm', input: [{ role: 'user', content: QUESTION }], stream: true });
    let text = '';
    let annotations = 0;
    let completed: unknown;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.output_text.annotation.added') annotations++;
      if (event.type === 'response.completed') completed = event.response;
    }
    assert.equal(text, ANSWER_TEXT);
    assert.equal(annotations, 3);
    assert.deepEqual((completed as { citations: Citation[] }).citations, EXPECTED_CITATIONS);
  });

  it('lists the model', async () => {
    const models = [];
    for await (const model of openai.models.list()) models.push(model.id);
    assert.deepEqual(models, ['zhida-rag']);
  });

  it('raises the product error shape as typed API errors', async () => {
    await assert.rejects(client(base, 'sk-wrong').chat.completions.create({ model: 'x', messages: [{ role: 'user', content: QUESTION }] }), (error) => {
      assert.ok(error instanceof AuthenticationError);
      assert.equal(error.status, 401);
      assert.equal(error.code, 'UNAUTHORIZED');
      return true;
    });
    await assert.rejects(openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: '   ' }] }), (error) => {
      assert.ok(error instanceof BadRequestError);
      assert.equal(error.code, 'EMPTY_QUESTION');
      return true;
    });
  });
});

describe('the official openai client over a rate limit', () => {
  it('raises RATE_LIMITED with Retry-After once the key has used up its window', async () => {
    const app = await testApp(new FakeQaService(), { API_KEYS: KEY, RATE_LIMIT_MAX: '2' });
    const openai = client(await listening(app));
    await openai.models.list();
    await openai.models.list();
    await assert.rejects(openai.models.list(), (error) => {
      assert.ok(error instanceof RateLimitError);
      assert.equal(error.code, 'RATE_LIMITED');
      const retryAfter = Number(error.headers?.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 60, `retry-after ${retryAfter}`);
      return true;
    });
    await app.close();
  });
});
