import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { RetrievalQaService } from '../../src/qa/retrieval-qa-service.ts';
import type { Answerer, Retriever } from '../../src/types.ts';
import { SEED_SOURCE, SEED_TEXT, seedPassage } from '../support/seed-passages.ts';
import { FakeQaService } from './fake-qa-service.ts';
import { testApp } from './test-app.ts';

const PASSAGE = seedPassage('c0004', '二是数字经济健康发展,有利于推动建设现代化经济体系', []);

/** The real service over the seed document's original; retrieval and answering are never reached. */
function seedService(): RetrievalQaService {
  const retriever: Retriever = { search: async () => [] };
  const answerer = { mode: 'extractive' } as Answerer;
  const originals = { read: async (source: string) => (source === SEED_SOURCE ? SEED_TEXT : undefined) };
  return new RetrievalQaService(retriever, answerer, 5, undefined, originals);
}

function contextUrl(params: Record<string, string | number>): string {
  return `/v1/context?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
}

describe('GET /v1/context', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testApp(seedService());
  });
  after(() => app.close());

  it('returns the cited span with 160 characters either side by default', async () => {
    const res = await app.inject({ url: contextUrl({ source: SEED_SOURCE, start: PASSAGE.start, end: PASSAGE.end }) });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    assert.deepEqual(res.json(), {
      source: SEED_SOURCE,
      before: SEED_TEXT.slice(PASSAGE.start - 160, PASSAGE.start),
      text: PASSAGE.text,
      after: SEED_TEXT.slice(PASSAGE.end, PASSAGE.end + 160),
    });
  });

  it('honours window, from 0 up to 400', async () => {
    const none = await app.inject({ url: contextUrl({ source: SEED_SOURCE, start: PASSAGE.start, end: PASSAGE.end, window: 0 }) });
    assert.deepEqual(none.json(), { source: SEED_SOURCE, before: '', text: PASSAGE.text, after: '' });
    const widest = await app.inject({ url: contextUrl({ source: SEED_SOURCE, start: PASSAGE.start, end: PASSAGE.end, window: 400 }) });
    assert.deepEqual(widest.json(), {
      source: SEED_SOURCE,
      before: SEED_TEXT.slice(0, PASSAGE.start), // fewer than 400 characters precede it
      text: PASSAGE.text,
      after: SEED_TEXT.slice(PASSAGE.end, PASSAGE.end + 400),
    });
  });

  it('answers 404 NOT_FOUND for an unknown source or offsets past the end of the document', async () => {
    const cases = [
      { source: 'missing.txt', start: 0, end: 10 },
      { source: SEED_SOURCE, start: SEED_TEXT.length - 5, end: SEED_TEXT.length + 1 },
      { source: SEED_SOURCE, start: SEED_TEXT.length + 1, end: SEED_TEXT.length + 2 },
    ];
    for (const params of cases) {
      const res = await app.inject({ url: contextUrl(params) });
      assert.equal(res.statusCode, 404, JSON.stringify(params));
      assert.deepEqual(res.json(), {
        error: { code: 'NOT_FOUND', message: `No passage ${params.start}–${params.end} in "${params.source}": the document is not indexed or is shorter` },
      });
    }
  });

  const invalid: [string, string, string][] = [
    ['a missing source', '?start=1&end=2', 'querystring is missing the required field "source"'],
    ['a missing end', `?source=${SEED_SOURCE}&start=1`, 'querystring is missing the required field "end"'],
    ['an empty source', '?source=&start=1&end=2', 'querystring/source must NOT have fewer than 1 characters'],
    ['a start that is not a number', `?source=${SEED_SOURCE}&start=abc&end=2`, 'querystring/start must be integer'],
    ['a fractional end', `?source=${SEED_SOURCE}&start=1&end=2.5`, 'querystring/end must be integer'],
    ['a repeated start', `?source=${SEED_SOURCE}&start=1&start=2&end=3`, 'querystring/start must be integer'],
    ['a negative start', `?source=${SEED_SOURCE}&start=-1&end=2`, 'querystring/start must be >= 0'],
    ['window = 401', `?source=${SEED_SOURCE}&start=1&end=2&window=401`, 'querystring/window must be <= 400'],
    ['an unknown parameter', `?source=${SEED_SOURCE}&start=1&end=2&k=3`, 'querystring has an unknown field "k"'],
    ['end before start', `?source=${SEED_SOURCE}&start=5&end=4`, 'querystring/end must be >= querystring/start'],
    ['a span over 10,000 characters', `?source=${SEED_SOURCE}&start=0&end=10001`, 'querystring/end must be at most 10000 characters after querystring/start'],
  ];
  for (const [name, query, message] of invalid) {
    it(`rejects ${name} with 400 INVALID_REQUEST`, async () => {
      const res = await app.inject({ url: `/v1/context${query}` });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json(), { error: { code: 'INVALID_REQUEST', message } });
    });
  }

  it('answers 405 to POST', async () => {
    const res = await app.inject({ method: 'POST', url: contextUrl({ source: SEED_SOURCE, start: 0, end: 1 }), payload: {} });
    assert.equal(res.statusCode, 405);
    assert.equal(res.json().error.code, 'METHOD_NOT_ALLOWED');
  });
});

describe('GET /v1/context without a capable engine', () => {
  it('answers 404 when the engine cannot read originals', async () => {
    const app = await testApp(new FakeQaService());
    const res = await app.inject({ url: contextUrl({ source: SEED_SOURCE, start: 0, end: 5 }) });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
    await app.close();
  });

  it('answers 503 NOT_READY while the index is loading', async () => {
    const app = await testApp(null);
    const res = await app.inject({ url: contextUrl({ source: SEED_SOURCE, start: 0, end: 5 }) });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().error.code, 'NOT_READY');
    await app.close();
  });
});
