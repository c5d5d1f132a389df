import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../src/errors.ts';
import { ANSWER_TEXT, DELTA_CHARS, FakeQaService, PASSAGES } from './fake-qa-service.ts';
import { parseSse, testApp } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';

function streamPost(app: FastifyInstance, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/v1/ask', payload: { stream: true, ...payload } });
}

const citations = PASSAGES.slice(0, 3).map(({ debug: _debug, ...passage }, i) => ({ n: i + 1, ...passage }));

function expectedDeltas(text: string): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += DELTA_CHARS) pieces.push(chars.slice(i, i + DELTA_CHARS).join(''));
  return pieces;
}

describe('POST /v1/ask with stream: true', () => {
  it('sends citations, then deltas, then done with the whole response', async () => {
    const app = await testApp();
    const res = await streamPost(app, { question: QUESTION });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-cache, no-transform');
    assert.match(res.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);

    const events = parseSse(res.payload);
    const deltas = expectedDeltas(ANSWER_TEXT);
    assert.ok(deltas.length > 1, 'the answer arrives in several pieces');
    assert.deepEqual(events, [
      { event: 'citations', data: { citations } },
      ...deltas.map((text) => ({ event: 'delta', data: { text } })),
      {
        event: 'done',
        data: { status: 'answered', answer: ANSWER_TEXT, mode: 'extractive', citations, question: QUESTION },
      },
    ]);
    assert.equal(deltas.join(''), ANSWER_TEXT);
    await app.close();
  });

  it('frames every event as "event:" + one "data:" line + a blank line', async () => {
    const app = await testApp();
    const res = await streamPost(app, { question: QUESTION });
    assert.ok(res.payload.startsWith('event: citations\ndata: {'));
    assert.ok(res.payload.endsWith('}\n\n'));
    assert.match(res.payload, /^(event: (citations|delta|done)\ndata: [^\n]+\n\n)+$/);
    await app.close();
  });

  it('includes debug in done only when asked', async () => {
    const app = await testApp();
    const withDebug = parseSse((await streamPost(app, { question: QUESTION, debug: true })).payload).at(-1);
    assert.deepEqual((withDebug?.data as { debug: unknown }).debug, {
      retrieved: ['c0003', 'c0004', 'c0005'],
      timings: { retrievalMs: 3, answerMs: 1 },
    });
    const without = parseSse((await streamPost(app, { question: QUESTION })).payload).at(-1);
    assert.equal(without?.event, 'done');
    assert.equal('debug' in (without?.data as object), false);
    await app.close();
  });

  it('ends with an error event when the engine fails mid-stream, without leaking the message', async () => {
    const fake = new FakeQaService({ failMidStreamWith: new Error('socket hang up at llm.internal:8080') });
    const app = await testApp(fake);
    const res = await streamPost(app, { question: QUESTION });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(parseSse(res.payload), [
      { event: 'citations', data: { citations } },
      { event: 'error', data: { error: { code: 'INTERNAL', message: 'Internal error' } } },
    ]);
    assert.equal(res.payload.includes('llm.internal'), false);
    assert.equal(fake.streamClosed, true);
    await app.close();
  });

  it('sends an AppError mid-stream with its code', async () => {
    const app = await testApp(new FakeQaService({ failMidStreamWith: new AppError('NOT_READY') }));
    const events = parseSse((await streamPost(app, { question: QUESTION })).payload);
    assert.deepEqual(events.at(-1), {
      event: 'error',
      data: { error: { code: 'NOT_READY', message: 'The index is still loading: retry shortly' } },
    });
    await app.close();
  });

  it('answers with a plain JSON error and its status when the engine fails before the first event', async () => {
    const app = await testApp(new FakeQaService({ failWith: new AppError('INDEX_MISSING') }));
    const res = await streamPost(app, { question: QUESTION });
    assert.equal(res.statusCode, 500);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    assert.deepEqual(res.json(), { error: { code: 'INDEX_MISSING', message: 'No index found: run "npm run ingest" first' } });
    await app.close();
  });

  it('validates the body before streaming', async () => {
    const app = await testApp();
    const res = await streamPost(app, { question: '   ' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), { error: { code: 'EMPTY_QUESTION', message: 'The question is empty: send a non-empty "question"' } });
    await app.close();
  });

  it('answers 503 NOT_READY as JSON before the engine is ready', async () => {
    const app = await testApp(null);
    const res = await streamPost(app, { question: QUESTION });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { error: { code: 'NOT_READY', message: 'The index is still loading: retry shortly' } });
    await app.close();
  });
});
