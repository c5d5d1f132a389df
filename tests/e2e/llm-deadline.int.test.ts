import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../src/config.ts';
import type { AskResponse } from '../../src/types.ts';
import { serveTemp } from '../../scripts/lib/serve-temp.ts';
import { startFakeOpenAiServer, type ChatReply, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { PROJECT_ROOT } from '../ingest/fixtures.ts';
import { parseSse } from '../server/test-app.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Every LLM step of one request together gets this long; then the offline answer is given. */
const LLM_TIMEOUT_MS = 800;
const HISTORY = [
  { role: 'user', content: 'How many national data center clusters are planned?' },
  { role: 'assistant', content: 'Ten national data center clusters are planned [1].' },
];

let fake: FakeOpenAiServer;
let app: FastifyInstance;
let url: string;
let dirs: string[];

before(async () => {
  fake = await startFakeOpenAiServer();
  const seeds = await tempDir('deadline-seeds-');
  const index = await tempDir('deadline-index-');
  dirs = [seeds, index];
  await cp(join(PROJECT_ROOT, 'seeds'), seeds, { recursive: true });
  const config = parseConfig({ SEEDS_DIR: seeds, INDEX_DIR: index, LOG_LEVEL: 'silent', LLM_MODEL: 'fake-chat-model', OPENAI_BASE_URL: fake.baseURL, LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS) });
  ({ app, url } = await serveTemp(config));
});

after(async () => {
  await app.close();
  await fake.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function post(path: string, body: object, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function noUpstreamLeft(): Promise<void> {
  for (let i = 0; i < 100 && fake.openRequests() > 0; i++) await sleep(20);
  assert.equal(fake.openRequests(), 0, 'every upstream call was cancelled');
}

describe('one LLM deadline per request', () => {
  const upstreams: Record<string, ChatReply> = {
    'hangs before replying': { fail: 'hang' },
    'sends headers, then stalls mid-body': { fail: 'stall' },
  };
  for (const [how, reply] of Object.entries(upstreams)) {
    it(`an English follow-up whose upstream ${how} is answered offline within the one deadline, and no upstream call is left open`, async () => {
      fake.script({ chat: () => reply });
      const before = fake.requestsTo('/v1/chat/completions').length;
      const { value: res, ms } = await timed(() => post('/v1/ask', { question: 'And what about renewable energy?', history: HISTORY }));
      assert.equal(res.status, 200);
      const body = (await res.json()) as AskResponse;
      assert.equal(body.fallback, 'llm_unavailable');
      assert.ok(ms < LLM_TIMEOUT_MS + 1000, `took ${Math.round(ms)} ms`);
      assert.ok(fake.requestsTo('/v1/chat/completions').length - before >= 1);
      await noUpstreamLeft();
    });
  }

  it('a trickling upstream cannot stretch a streamed answer past the deadline: the offline answer follows', async () => {
    fake.script({ chat: () => ({ text: '推动数据中心充分利用风能、太阳能、潮汐能、生物质能等可再生能源。[1]'.repeat(4), chunkSize: 2, chunkDelayMs: 150 }) });
    const { value: events, ms } = await timed(async () => parseSse(await (await post('/v1/ask', { question: '数据中心要充分利用哪些可再生能源？', stream: true })).text()));
    const done = events.at(-1)!;
    assert.equal(done.event, 'done');
    assert.equal((done.data as AskResponse).fallback, 'llm_unavailable');
    assert.ok(ms < LLM_TIMEOUT_MS + 1000, `took ${Math.round(ms)} ms`);
    await noUpstreamLeft();
  });

  it('a client that leaves cancels the upstream call at once', async () => {
    fake.script({ chat: () => ({ fail: 'hang' }) });
    const controller = new AbortController();
    const pending = post('/v1/ask', { question: 'And what about renewable energy?', history: HISTORY, stream: true }, controller.signal).catch(() => undefined);
    for (let i = 0; i < 50 && fake.openRequests() === 0; i++) await sleep(10);
    assert.equal(fake.openRequests(), 1);
    controller.abort();
    await pending;
    for (let i = 0; i < 25 && fake.openRequests() > 0; i++) await sleep(20);
    assert.equal(fake.openRequests(), 0, 'the upstream call was cancelled well before the deadline');
  });

  it('/v1/chat/completions marks the offline answer after an upstream 500, plain and streamed', async () => {
    fake.script({ chat: () => ({ fail: 'status', status: 500 }) });
    const messages = [{ role: 'user', content: '数据中心要充分利用哪些可再生能源？' }];
    const plain = (await (await post('/v1/chat/completions', { messages })).json()) as { choices: { message: { fallback?: string } }[] };
    assert.equal(plain.choices[0]!.message.fallback, 'llm_unavailable');
    const stream = await (await post('/v1/chat/completions', { messages, stream: true })).text();
    const chunks = stream.split('\n\n').filter((b) => b.startsWith('data: {')).map((b) => JSON.parse(b.slice(6)) as { fallback?: string });
    assert.equal(chunks.at(-1)!.fallback, 'llm_unavailable');
  });
});
