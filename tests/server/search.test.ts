import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { FakeQaService, PASSAGES } from './fake-qa-service.ts';
import { fakeAppPerSuite, testApp } from './test-app.ts';

function searchPost(app: FastifyInstance, payload: unknown) {
  return app.inject({ method: 'POST', url: '/v1/search', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
}

describe('POST /v1/search', () => {
  const suite = fakeAppPerSuite();
  let fake: FakeQaService;
  let app: FastifyInstance;
  beforeEach(() => ({ fake, app } = suite.current()));

  it('returns every SearchResult field, debug included', async () => {
    const res = await searchPost(app, { query: '数字经济 有利于', k: 4 });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { results: PASSAGES });
    assert.deepEqual(fake.calls.at(-1), { method: 'search', text: '数字经济 有利于', k: 4 });
  });

  it('trims the query and uses RETRIEVAL_K when k is left out', async () => {
    const res = await searchPost(app, { query: '  专精特新企业  ' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(fake.calls.at(-1), { method: 'search', text: '专精特新企业', k: 2 });
    assert.deepEqual(res.json(), { results: [PASSAGES[3]] });
  });

  it('returns an empty list when nothing matches', async () => {
    assert.deepEqual((await searchPost(app, { query: '火星咖啡馆' })).json(), { results: [] });
  });

  const invalid: [string, unknown, string][] = [
    ['a missing query', {}, 'body is missing the required field "query"'],
    ['an empty query', { query: '' }, 'body/query must NOT have fewer than 1 characters'],
    ['a whitespace-only query', { query: '  \n ' }, 'body/query must contain more than whitespace'],
    ['a query of 2,001 characters', { query: '数'.repeat(2001) }, 'body/query must NOT have more than 2000 characters'],
    ['k = 0', { query: '数字经济', k: 0 }, 'body/k must be >= 1'],
    ['k = 51', { query: '数字经济', k: 51 }, 'body/k must be <= 50'],
    ['k as a string', { query: '数字经济', k: '3' }, 'body/k must be integer'],
    ['an unknown field', { query: '数字经济', filter: 'x' }, 'body has an unknown field "filter"'],
  ];
  for (const [name, payload, message] of invalid) {
    it(`rejects ${name} with 400 INVALID_REQUEST`, async () => {
      const calls = fake.calls.length;
      const res = await searchPost(app, payload);
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json(), { error: { code: 'INVALID_REQUEST', message } });
      assert.equal(fake.calls.length, calls);
    });
  }

  it('accepts k = 50', async () => {
    assert.equal((await searchPost(app, { query: '数字经济', k: 50 })).statusCode, 200);
  });
});

describe('POST /v1/search when the engine fails or is not loaded', () => {
  it('answers 503 NOT_READY before the engine is ready', async () => {
    const app = await testApp(null);
    const res = await searchPost(app, { query: '数字经济' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { error: { code: 'NOT_READY', message: 'The index is still loading: retry shortly' } });
    await app.close();
  });

  it('answers 500 INTERNAL with the generic message when the engine throws', async () => {
    const app = await testApp(new FakeQaService({ failWith: new TypeError("Cannot read properties of undefined (reading 'vector')") }));
    const res = await searchPost(app, { query: '数字经济' });
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.json(), { error: { code: 'INTERNAL', message: 'Internal error' } });
    await app.close();
  });
});
