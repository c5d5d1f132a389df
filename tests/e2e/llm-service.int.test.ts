import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../src/config.ts';
import type { AskResponse } from '../../src/types.ts';
import { serveTemp } from '../../scripts/lib/serve-temp.ts';
import { messagesOf, startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from '../support/fake-openai-server.ts';
import { PROJECT_ROOT } from '../ingest/fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

/** The fake model answers with the first sentence of passage [1], cited; a rewrite request gets a fixed standalone question. */
function modelReply(request: RecordedRequest): string {
  const prompt = messagesOf(request).filter((m) => m.role === 'user').map((m) => m.content).join('\n');
  if (prompt.includes('Rewrite the last question')) return '到2035年贵州要培育几家百亿级平台经济企业？';
  if (prompt.includes('Translate this question')) return '国家规划了多少个国家数据中心集群？';
  if (prompt.includes('Question: How many')) return 'The plan sets up 10 national data center clusters [1].';
  const passage = /\[1\][^\n]*\n([^\n]+)/.exec(prompt)?.[1] ?? '';
  const sentence = passage.split(/(?<=。)/)[0]!;
  return `${sentence}[1]`;
}

let fake: FakeOpenAiServer;
let app: FastifyInstance;
let url: string;
let dirs: string[];

before(async () => {
  fake = await startFakeOpenAiServer({ chat: modelReply });
  const seeds = await tempDir('llm-seeds-');
  const index = await tempDir('llm-index-');
  dirs = [seeds, index];
  await cp(join(PROJECT_ROOT, 'seeds'), seeds, { recursive: true });
  const config = parseConfig({ SEEDS_DIR: seeds, INDEX_DIR: index, LOG_LEVEL: 'silent', LLM_MODEL: 'fake-chat-model', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test-key', LLM_TIMEOUT_MS: '2000' });
  ({ app, url } = await serveTemp(config));
});

after(async () => {
  await app.close();
  await fake.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function ask(body: object): Promise<AskResponse> {
  const res = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200);
  return (await res.json()) as AskResponse;
}

test('with an LLM configured, the service answers in llm mode with verified, exact citations', async () => {
  const seed = await readFile(join(PROJECT_ROOT, 'seeds', '000_dcbe81f0de4cc422.txt'), 'utf8');
  const response = await ask({ question: '数据中心要充分利用哪些可再生能源？' });
  assert.equal(response.mode, 'llm');
  assert.equal(response.status, 'answered');
  assert.equal(response.fallback, undefined);
  assert.match(response.answer, /\[1\]$/);
  assert.equal(response.citations.length, 1);
  const [citation] = response.citations;
  assert.equal(seed.slice(citation!.start, citation!.end), citation!.text);
  // The citation is narrowed from the whole passage to the sentence the answer quotes.
  assert.equal(citation!.text, response.answer.replace('[1]', ''));
  const sent = fake.requestsTo('/v1/chat/completions').at(-1)!;
  assert.equal(sent.headers.authorization, 'Bearer test-key');
  assert.ok(messagesOf(sent).some((m) => m.content.includes('数据中心要充分利用哪些可再生能源')));
});

test('a follow-up is rewritten by the model before retrieval', async () => {
  const response = await ask({
    question: '那2035年呢？',
    history: [
      { role: 'user', content: '到2025年贵州要培育几家百亿级平台经济企业？' },
      { role: 'assistant', content: '培育百亿级平台经济企业1-2家。[1]' },
    ],
  });
  assert.equal(response.question, '到2035年贵州要培育几家百亿级平台经济企业？');
});

test('an English question is searched in Chinese translation and answered in English, citations exact', async () => {
  const seed = await readFile(join(PROJECT_ROOT, 'seeds', '000_dcbe81f0de4cc422.txt'), 'utf8');
  const response = await ask({ question: 'How many national data center clusters were planned?' });
  assert.equal(response.mode, 'llm');
  assert.equal(response.status, 'answered');
  assert.equal(response.answer, 'The plan sets up 10 national data center clusters [1].');
  assert.equal(response.citations.length, 1);
  assert.ok(response.citations[0]!.text.includes('规划了10个国家数据中心集群'));
  assert.equal(seed.slice(response.citations[0]!.start, response.citations[0]!.end), response.citations[0]!.text);
  const translations = fake.requestsTo('/v1/chat/completions').filter((r) => messagesOf(r).some((m) => m.content.includes('Translate this question')));
  assert.equal(translations.length, 1);
});

test("a chat completion's temperature, top_p, max_tokens, stop and user reach the model; without them the configured ones do", async () => {
  const complete = (extra: object) =>
    fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'x', messages: [{ role: 'user', content: [{ type: 'text', text: '数据中心要充分利用哪些可再生能源？' }] }], ...extra }),
    });
  const before = fake.requestsTo('/v1/chat/completions').length;
  const res = await complete({ temperature: 0.7, top_p: 0.9, max_tokens: 99, stop: ['###'], user: 'alice' });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { choices: { message: { annotations: unknown[] } }[] };
  assert.equal(body.choices[0]!.message.annotations.length, 1);
  const [sent] = fake.requestsTo('/v1/chat/completions').slice(before);
  assert.deepEqual([sent?.body.temperature, sent?.body.top_p, sent?.body.max_tokens ?? sent?.body.max_completion_tokens, sent?.body.stop, sent?.body.user], [0.7, 0.9, 99, ['###'], 'alice']);
  await complete({});
  const plain = fake.requestsTo('/v1/chat/completions').at(-1)!;
  assert.equal(plain.body.temperature, 0);
  assert.equal(plain.body.max_tokens, undefined);
});

test('when the model fails, the offline answer comes back marked, never a 5xx', async () => {
  fake.script({ chat: () => ({ fail: 'status', status: 503 }) });
  const response = await ask({ question: '综合算力指数排名全国第几？' });
  assert.equal(response.fallback, 'llm_unavailable');
  assert.equal(response.mode, 'extractive');
  assert.match(response.answer, /第9/);
  fake.script({ chat: modelReply });
});
