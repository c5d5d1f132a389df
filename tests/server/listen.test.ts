import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ANSWER_TEXT, FakeQaService } from './fake-qa-service.ts';
import { parseSse, testApp } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';

async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await sleep(10);
  assert.ok(condition(), `timed out waiting for ${what}`);
}

describe('the app over real HTTP', () => {
  let app: FastifyInstance;
  let base: string;
  before(async () => {
    app = await testApp(new FakeQaService());
    base = await listening(app);
  });
  after(() => app.close());

  it('answers a plain JSON question', async () => {
    const res = await fetch(`${base}/v1/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: QUESTION }),
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const body = (await res.json()) as { status: string; answer: string; citations: unknown[] };
    assert.equal(body.status, 'answered');
    assert.equal(body.answer, ANSWER_TEXT);
    assert.equal(body.citations.length, 3);
  });

  it('streams an answer as server-sent events', async () => {
    const res = await fetch(`${base}/v1/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'e2e-stream-1' },
      body: JSON.stringify({ question: QUESTION, stream: true }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(res.headers.get('x-request-id'), 'e2e-stream-1');
    const events = parseSse(await res.text());
    assert.equal(events[0]?.event, 'citations');
    assert.equal(events.at(-1)?.event, 'done');
    const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    assert.equal(deltas.join(''), ANSWER_TEXT);
    assert.equal((events.at(-1)?.data as { answer: string }).answer, ANSWER_TEXT);
  });

  it('answers errors in the same shape over HTTP', async () => {
    const res = await fetch(`${base}/v1/ask`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: QUESTION });
    assert.equal(res.status, 415);
    assert.deepEqual(await res.json(), { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' } });
  });
});

describe('client disconnect', () => {
  it('aborts the signal passed to the engine and stops the stream', async () => {
    const fake = new FakeQaService({ hangAfterCitations: true });
    const app = await testApp(fake);
    const base = await listening(app);
    const controller = new AbortController();
    const res = await fetch(`${base}/v1/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: QUESTION, stream: true }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.ok(first.startsWith('event: citations\n'));

    const signal = fake.calls.at(-1)?.options?.signal;
    assert.equal(signal?.aborted, false);
    controller.abort();
    await waitFor(() => signal?.aborted === true, 'the engine signal to abort');
    await waitFor(() => fake.streamClosed, 'the engine stream to close');
    await app.close();
  });
});
