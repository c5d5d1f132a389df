/**
 * The real service over a fresh index of the project's seeds folder, asked over real HTTP: what a client sees.
 */
import assert from 'node:assert/strict';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ERRORS } from '../../src/errors.ts';
import type { AskResponse, Citation, SearchResult } from '../../src/types.ts';
import { serveTemp } from '../../scripts/lib/serve-temp.ts';
import { assertCitationContract } from '../answer/seed-answerer.ts';
import { PROJECT_ROOT, testConfig } from '../ingest/fixtures.ts';
import { parseSse } from '../server/test-app.ts';
import { tempDir } from '../support/temp-dir.ts';

const SEEDS = join(PROJECT_ROOT, 'seeds');

/** Questions of a reader of the seed, and the value each answer must quote. */
const QUESTIONS: { question: string; value: string }[] = [
  { question: '贵州综合算力指数在全国排第几？', value: '第9' },
  { question: '贵州数字经济占地区生产总值的比重是多少？', value: '42%' },
  { question: '习近平总书记哪一年在贵阳市考察？', value: '2015年' },
  { question: '到2025年，大数据电子信息产业总产值要突破多少？', value: '3500亿元' },
  { question: '徐麟什么时候调研东数西算？', value: '2024年6月26日' },
];

let app: FastifyInstance;
let url: string;
let seedsDir: string;
let temporary: string[] = [];

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function ask(question: string): Promise<AskResponse> {
  const res = await post('/v1/ask', { question });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return (await res.json()) as AskResponse;
}

/** Offsets point into the document as it sits in the seeds folder (the seeds are UTF-8 text). */
async function assertExactOffsets(passages: readonly (Citation | SearchResult)[]): Promise<void> {
  for (const p of passages) {
    const original = await readFile(join(seedsDir, p.source), 'utf8');
    assert.equal(original.slice(p.start, p.end), p.text, `${p.source} ${p.start}–${p.end}`);
  }
}

before(async () => {
  seedsDir = await tempDir('e2e-seeds-');
  await cp(SEEDS, seedsDir, { recursive: true });
  const config = await testConfig(seedsDir, { LOG_LEVEL: 'silent' });
  temporary = [seedsDir, config.INDEX_DIR];
  ({ app, url } = await serveTemp(config));
});

after(async () => {
  await app?.close();
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the service over the seeds, over HTTP', () => {
  it('is live and ready', async () => {
    const live = await fetch(`${url}/healthz`);
    assert.equal(live.status, 200);
    assert.deepEqual(await live.json(), { status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  for (const { question, value } of QUESTIONS) {
    it(`answers ${question} with ${value}, cited with exact offsets`, async () => {
      const response = await ask(question);
      assert.equal(response.status, 'answered', response.answer);
      assert.equal(response.mode, 'extractive');
      assert.equal(response.question, question);
      assert.equal('debug' in response, false);
      assert.ok(response.answer.includes(value), `${JSON.stringify(response.answer)} lacks ${value}`);
      assert.ok(response.citations.some((c) => c.text.includes(value)), `no citation quotes ${value}`);
      assertCitationContract(response);
      await assertExactOffsets(response.citations);
    });
  }

  it('streams citations, deltas and a done event that equals the plain answer', async () => {
    const { question } = QUESTIONS[3]!;
    const res = await post('/v1/ask', { question, stream: true });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    assert.equal(names[0], 'citations');
    assert.equal(names.at(-1), 'done');
    assert.ok(names.length >= 3);
    assert.deepEqual(new Set(names.slice(1, -1)), new Set(['delta']));
    const plain = await ask(question);
    const done = events.at(-1)!.data as AskResponse;
    assert.deepEqual(done, plain);
    assert.deepEqual(events[0]!.data, { citations: plain.citations });
    const text = events.slice(1, -1).map((e) => (e.data as { text: string }).text).join('');
    assert.equal(text, plain.answer);
  });

  it('lists every item of a section, even the ones past the retrieved passages', async () => {
    const response = await ask('国家枢纽节点有哪几项重点任务？');
    assert.equal(response.status, 'answered');
    assert.equal(response.citations.length, 9);
    assert.deepEqual(response.citations.map((c) => c.text.slice(0, 2)), ['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    assert.match(response.answer, /9\.确保网络数据安全。\[9\]$/);
    await assertExactOffsets(response.citations);
  });

  it('answers a place question with the sentence that names the places, cut to the clauses that hold them', async () => {
    const response = await ask('哪些地区布局建设国家枢纽节点？');
    assert.equal(response.status, 'answered');
    for (const place of ['京津冀', '长三角', '贵州', '宁夏']) assert.ok(response.answer.includes(place), place);
    assert.ok(response.citations[0]!.text.length < 150);
    await assertExactOffsets(response.citations);
  });

  it('refuses a question the seed does not answer, pointing to the closest passages', async () => {
    const question = '贵州的省会城市人口有多少？';
    const response = await ask(question);
    assert.equal(response.status, 'no_answer');
    assert.equal(response.answer, '文档中没有能回答这个问题的内容。最接近的段落是[1][2][3]，供参考核对。');
    assert.equal(response.citations.length, 3);
    assertCitationContract(response);
    await assertExactOffsets(response.citations);
    const search = await post('/v1/search', { query: question, k: 3 });
    const { results } = (await search.json()) as { results: SearchResult[] };
    assert.deepEqual(response.citations.map((c) => c.id), results.map((r) => r.id), 'the closest passages are the top search results');
  });

  it('searches passages best first, with exact offsets into the original', async () => {
    const res = await post('/v1/search', { query: '东数西算 算力保障基地', k: 4 });
    assert.equal(res.status, 200);
    const { results } = (await res.json()) as { results: SearchResult[] };
    assert.equal(results.length, 4);
    await assertExactOffsets(results);
    const scores = results.map((r) => r.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.equal(new Set(results.map((r) => r.id)).size, 4);
    for (const r of results) assert.deepEqual(Object.keys(r.debug).sort(), ['bm25Rank', 'matchedTerms', 'vectorRank']);
  });

  it('rejects invalid requests with the error shape', async () => {
    const cases: [string, unknown, number, string, string][] = [
      ['/v1/ask', { question: '贵州综合算力指数排名第几？', k: 0 }, 400, 'INVALID_REQUEST', 'body/k must be >= 1'],
      ['/v1/ask', { question: '   ' }, 400, 'EMPTY_QUESTION', ERRORS.EMPTY_QUESTION.message],
      ['/v1/ask', { question: '贵州', extra: true }, 400, 'INVALID_REQUEST', 'body has an unknown field "extra"'],
      ['/v1/search', {}, 400, 'INVALID_REQUEST', 'body is missing the required field "query"'],
    ];
    for (const [path, body, status, code, message] of cases) {
      const res = await post(path, body);
      assert.equal(res.status, status, `${path} ${JSON.stringify(body)}`);
      assert.deepEqual(await res.json(), { error: { code, message } });
    }
    const malformed = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":' });
    assert.equal(malformed.status, 400);
    assert.deepEqual(await malformed.json(), { error: { code: 'INVALID_JSON', message: ERRORS.INVALID_JSON.message } });
  });
});
