import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { FakeQaService } from './fake-qa-service.ts';
import { parseSse, testApp } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';
const KEYS = 'sk-alpha-1111,sk-beta-2222';
const UNAUTHORIZED = { error: { code: 'UNAUTHORIZED', message: 'Send a valid API key as "Authorization: Bearer <key>"' } };
const RATE_LIMITED = { error: { code: 'RATE_LIMITED', message: 'Too many requests: wait and retry after the time in Retry-After' } };

function ask(app: FastifyInstance, headers: Record<string, string> = {}, remoteAddress?: string) {
  return app.inject({ method: 'POST', url: '/v1/ask', headers, payload: { question: QUESTION }, ...(remoteAddress ? { remoteAddress } : {}) });
}

describe('API keys', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testApp(new FakeQaService(), { API_KEYS: KEYS, RATE_LIMIT_MAX: '1000' });
  });
  after(() => app.close());

  it('answers any configured key', async () => {
    assert.equal((await ask(app, { authorization: 'Bearer sk-alpha-1111' })).statusCode, 200);
    assert.equal((await ask(app, { authorization: 'bearer sk-beta-2222' })).statusCode, 200);
  });

  it('refuses a missing, wrong or non-Bearer key with 401, WWW-Authenticate and the error shape', async () => {
    for (const authorization of [undefined, 'Bearer sk-alpha-111', 'Bearer sk-gamma-3333', 'Basic c2stYWxwaGEtMTExMQ==', 'sk-alpha-1111']) {
      const res = await ask(app, authorization ? { authorization } : {});
      assert.equal(res.statusCode, 401, String(authorization));
      assert.equal(res.headers['www-authenticate'], 'Bearer');
      assert.deepEqual(res.json(), UNAUTHORIZED);
    }
  });

  it('guards every /v1 route, streams included, and does not tell unknown /v1 paths apart', async () => {
    const requests = [
      { method: 'POST', url: '/v1/search', payload: { query: '数字经济' } },
      { method: 'POST', url: '/v1/chat/completions', payload: { messages: [{ role: 'user', content: QUESTION }] } },
      { method: 'POST', url: '/v1/ask', payload: { question: QUESTION, stream: true } },
      { method: 'GET', url: '/v1/models' },
      { method: 'GET', url: '/v1/no-such-route' },
      // Percent-encoding reaches the same route, and is guarded the same.
      { method: 'POST', url: '/%761/ask', payload: { question: QUESTION } },
    ] as const;
    for (const request of requests) {
      const res = await app.inject(request);
      assert.equal(res.statusCode, 401, request.url);
      assert.deepEqual(res.json(), UNAUTHORIZED);
    }
  });

  it('streams an answer with a key', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/ask', headers: { authorization: 'Bearer sk-beta-2222' }, payload: { question: QUESTION, stream: true } });
    assert.equal(res.statusCode, 200);
    assert.equal(parseSse(res.payload).at(-1)?.event, 'done');
  });

  it('leaves the probes, metrics, page and documentation open', async () => {
    for (const url of ['/healthz', '/readyz', '/metrics', '/', '/docs', '/openapi.json']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
    }
  });
});

describe('rate limits', () => {
  it('limits each key separately, answering 429 RATE_LIMITED with Retry-After', async () => {
    const app = await testApp(new FakeQaService(), { API_KEYS: KEYS, RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' });
    const alpha = { authorization: 'Bearer sk-alpha-1111' };
    const first = await ask(app, alpha);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-ratelimit-limit'], '2');
    assert.equal(first.headers['x-ratelimit-remaining'], '1');
    assert.equal((await ask(app, alpha)).statusCode, 200);
    const limited = await ask(app, alpha);
    assert.equal(limited.statusCode, 429);
    assert.deepEqual(limited.json(), RATE_LIMITED);
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, `retry-after ${retryAfter}`);
    // The other key, from the same address, has its own budget.
    assert.equal((await ask(app, { authorization: 'Bearer sk-beta-2222' })).statusCode, 200);
    await app.close();
  });

  it('limits requests without a valid key by client address, so keys cannot be guessed without limit', async () => {
    const app = await testApp(new FakeQaService(), { API_KEYS: KEYS, RATE_LIMIT_MAX: '2' });
    const guess = { authorization: 'Bearer sk-guess' };
    assert.equal((await ask(app, guess, '10.0.0.1')).statusCode, 401);
    assert.equal((await ask(app, guess, '10.0.0.1')).statusCode, 401);
    assert.equal((await ask(app, guess, '10.0.0.1')).statusCode, 429);
    assert.equal((await ask(app, guess, '10.0.0.2')).statusCode, 401);
    // A valid key from the limited address is counted on its own.
    assert.equal((await ask(app, { authorization: 'Bearer sk-alpha-1111' }, '10.0.0.1')).statusCode, 200);
    await app.close();
  });

  it('limits by client address when no keys are configured', async () => {
    const app = await testApp(new FakeQaService(), { RATE_LIMIT_MAX: '1' });
    assert.equal((await ask(app, {}, '10.0.0.1')).statusCode, 200);
    assert.equal((await ask(app, {}, '10.0.0.1')).statusCode, 429);
    assert.equal((await ask(app, {}, '10.0.0.2')).statusCode, 200);
    await app.close();
  });

  it('counts all /v1 routes together and leaves other routes unlimited', async () => {
    const app = await testApp(new FakeQaService(), { RATE_LIMIT_MAX: '2' });
    assert.equal((await app.inject({ method: 'GET', url: '/v1/models' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'POST', url: '/v1/search', payload: { query: '数字经济' } })).statusCode, 200);
    assert.equal((await ask(app)).statusCode, 429);
    for (let i = 0; i < 5; i++) {
      for (const url of ['/healthz', '/metrics', '/openapi.json']) {
        const res = await app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers['x-ratelimit-limit'], undefined);
      }
    }
    await app.close();
  });
});

describe('body limit', () => {
  it('takes 20 history turns of 4,000 CJK characters by default', async () => {
    const app = await testApp();
    const history = Array.from({ length: 20 }, (_, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: '数'.repeat(4000) }));
    const res = await app.inject({ method: 'POST', url: '/v1/ask', payload: { question: '数'.repeat(2000), history } });
    assert.equal(res.statusCode, 200);
    await app.close();
  });
});
