/**
 * Every way an OpenAI-compatible upstream misbehaves, against every route that calls it: the service answers
 * 200 within LLM_TIMEOUT_MS + 1 s, marks the offline answer with `fallback`, and leaves no upstream call open.
 */
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../src/config.ts';
import { serveTemp } from '../../scripts/lib/serve-temp.ts';
import { messagesOf, startFakeOpenAiServer, type ChatReplySpec, type FakeOpenAiServer, type RecordedRequest } from '../support/fake-openai-server.ts';
import { PROJECT_ROOT } from '../ingest/fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const LLM_TIMEOUT_MS = 1000;

/** A good model: rewrites and translations to a fixed question, answers with passage [1]'s first sentence, cited. */
function goodReply(request: RecordedRequest): string {
  const prompt = messagesOf(request).map((m) => m.content).join('\n');
  if (prompt.includes('Rewrite the last question') || prompt.includes('Translate this question')) return '数据中心要充分利用哪些可再生能源？';
  const passage = /\[1\][^\n]*\n([^\n]+)/.exec(prompt)?.[1] ?? '';
  return `${passage.split(/(?<=。)/)[0]}[1]`;
}

/** How the upstream behaves, and whether the answer is then the offline one. */
const UPSTREAMS: Record<string, { reply: (request: RecordedRequest) => ChatReplySpec; fallback: boolean }> = {
  answers: { reply: (r) => ({ text: goodReply(r) }), fallback: false },
  hangs: { reply: () => ({ fail: 'hang' }), fallback: true },
  'stalls mid-body': { reply: (r) => ({ text: goodReply(r), fail: 'stall', failAfterChunks: 2 }), fallback: true },
  trickles: { reply: (r) => ({ text: goodReply(r).repeat(3), chunkSize: 1, chunkDelayMs: 150 }), fallback: true },
  'answers 500': { reply: () => ({ fail: 'status', status: 500 }), fallback: true },
  'answers 429': { reply: () => ({ fail: 'status', status: 429 }), fallback: true },
  'sends garbage': { reply: () => ({ fail: 'malformed' }), fallback: true },
  'cuts the stream': { reply: (r) => ({ text: goodReply(r), fail: 'destroy', failAfterChunks: 2 }), fallback: true },
};

const HISTORY = [
  { role: 'user', content: '国家规划了多少个国家数据中心集群？' },
  { role: 'assistant', content: '国家规划了10个国家数据中心集群。[1]' },
];
const ENGLISH_HISTORY = [
  { role: 'user', content: 'How many national data center clusters are planned?' },
  { role: 'assistant', content: 'Ten [1].' },
];
const QUESTION = '数据中心要充分利用哪些可再生能源？';

interface Outcome {
  status: number;
  fallback: string | undefined;
  complete: boolean;
}

type Route = (url: string) => Promise<Outcome>;

function post(url: string, body: object): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const askPlain = (body: object): Route => async (url) => {
  const res = await post(`${url}/v1/ask`, body);
  const json = (await res.json()) as { fallback?: string; status?: string };
  return { status: res.status, fallback: json.fallback, complete: json.status === 'answered' || json.status === 'no_answer' };
};

const ROUTES: Record<string, Route> = {
  '/v1/ask': askPlain({ question: QUESTION }),
  '/v1/ask follow-up': askPlain({ question: '那可再生能源呢？', history: HISTORY }),
  '/v1/ask English follow-up': askPlain({ question: 'And which renewable energy should data centers use?', history: ENGLISH_HISTORY }),
  '/v1/ask stream': async (url) => {
    const res = await post(`${url}/v1/ask`, { question: QUESTION, stream: true });
    const blocks = (await res.text()).split('\n\n').filter(Boolean);
    const done = blocks.find((b) => b.startsWith('event: done'));
    const data = done ? (JSON.parse(done.split('\ndata: ')[1]!) as { fallback?: string }) : undefined;
    return { status: res.status, fallback: data?.fallback, complete: done !== undefined };
  },
  '/v1/chat/completions': async (url) => {
    const res = await post(`${url}/v1/chat/completions`, { messages: [{ role: 'user', content: QUESTION }] });
    const json = (await res.json()) as { choices?: { message: { fallback?: string } }[] };
    return { status: res.status, fallback: json.choices?.[0]?.message.fallback, complete: json.choices?.length === 1 };
  },
  '/v1/chat/completions stream': async (url) => {
    const res = await post(`${url}/v1/chat/completions`, { messages: [{ role: 'user', content: QUESTION }], stream: true });
    const blocks = (await res.text()).split('\n\n').filter(Boolean);
    const last = blocks.at(-2);
    const data = last?.startsWith('data: {') ? (JSON.parse(last.slice(6)) as { fallback?: string }) : undefined;
    return { status: res.status, fallback: data?.fallback, complete: blocks.at(-1) === 'data: [DONE]' };
  },
};

let fake: FakeOpenAiServer;
let app: FastifyInstance;
let url: string;
let root: string;

before(async () => {
  fake = await startFakeOpenAiServer();
  root = await tempDir('zhida-upstream-');
  await cp(join(PROJECT_ROOT, 'seeds'), join(root, 'seeds'), { recursive: true });
  const config = parseConfig({ SEEDS_DIR: join(root, 'seeds'), INDEX_DIR: join(root, 'index'), LOG_LEVEL: 'silent', LLM_MODEL: 'fake-chat-model', OPENAI_BASE_URL: fake.baseURL, LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS) });
  ({ app, url } = await serveTemp(config));
});

after(async () => {
  await app.close();
  await fake.close();
  await rm(root, { recursive: true, force: true });
});

describe('a misbehaving LLM upstream', () => {
  for (const [how, upstream] of Object.entries(UPSTREAMS)) {
    for (const [name, route] of Object.entries(ROUTES)) {
      it(`upstream ${how}: ${name} answers 200${upstream.fallback ? ' offline, marked fallback,' : ''} within the deadline + 1 s`, async () => {
        fake.script({ chat: upstream.reply });
        const started = performance.now();
        const outcome = await route(url);
        const ms = performance.now() - started;
        assert.equal(outcome.status, 200);
        assert.ok(outcome.complete, 'the response is whole');
        assert.equal(outcome.fallback, upstream.fallback ? 'llm_unavailable' : undefined);
        assert.ok(ms < LLM_TIMEOUT_MS + 1000, `took ${Math.round(ms)} ms`);
        for (let i = 0; i < 50 && fake.openRequests() > 0; i++) await sleep(20);
        assert.equal(fake.openRequests(), 0, 'no upstream call left open');
      });
    }
  }
});
