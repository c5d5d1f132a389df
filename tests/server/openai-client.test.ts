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
    app = await testApp(new FakeQaService(), { API_KEYS: KEY, RATE_LIMIT_MAX: '8' });
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
