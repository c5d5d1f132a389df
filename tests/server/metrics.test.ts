import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { IndexStats } from '../../src/server/plugins/metrics.ts';
import type { AskResponse, QaService } from '../../src/types.ts';
import { FakeQaService, fixedResponseQa } from './fake-qa-service.ts';
import { testApp, testConfig } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';
const UNANSWERABLE = '火星上有没有咖啡馆';

/** Sample values by series (`name{labels}` exactly as exposed). */
async function scrape(app: FastifyInstance): Promise<Map<string, number>> {
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(res.statusCode, 200);
  const samples = new Map<string, number>();
  for (const line of res.payload.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

function answers(samples: Map<string, number>) {
  const count = (status: string, fallback: string) => samples.get(`zhida_answers_total{status="${status}",fallback="${fallback}"}`);
  return { answered: count('answered', 'false'), noAnswer: count('no_answer', 'false'), fallbackAnswered: count('answered', 'true'), fallbackNoAnswer: count('no_answer', 'true') };
}

function ask(app: FastifyInstance, question: string, stream = false) {
  return app.inject({ method: 'POST', url: '/v1/ask', payload: { question, stream } });
}

function chat(app: FastifyInstance, question: string, stream = false) {
  return app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { messages: [{ role: 'user', content: question }], stream } });
}

describe('GET /metrics', () => {
  it('serves the Prometheus text format with the default process metrics', async () => {
    const app = await testApp();
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
    assert.match(res.payload, /^# HELP http_requests_total /m);
    assert.match(res.payload, /^process_cpu_user_seconds_total \d/m);
    assert.match(res.payload, /^nodejs_heap_size_total_bytes \d/m);
    await app.close();
  });

  it('counts requests by method, route pattern and status, and times them by route', async () => {
    const app = await testApp();
    await ask(app, QUESTION);
    await ask(app, QUESTION);
    await ask(app, '');
    await app.inject({ method: 'GET', url: '/no/such/path/1' });
    await app.inject({ method: 'GET', url: '/no/such/path/2' });
    const samples = await scrape(app);
    assert.equal(samples.get('http_requests_total{method="POST",route="/v1/ask",status_code="200"}'), 2);
    assert.equal(samples.get('http_requests_total{method="POST",route="/v1/ask",status_code="400"}'), 1);
    // Unknown URLs share one series, so they cannot blow up the number of series.
    assert.equal(samples.get('http_requests_total{method="GET",route="unmatched",status_code="404"}'), 2);
    assert.equal(samples.get('http_request_duration_seconds_count{method="POST",route="/v1/ask"}'), 3);
    assert.equal(samples.get('http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/v1/ask"}'), 3);
    await app.close();
  });

  it('counts answers by status from /v1/ask and /v1/chat/completions, streamed or not', async () => {
    const app = await testApp();
    assert.deepEqual(answers(await scrape(app)), { answered: 0, noAnswer: 0, fallbackAnswered: 0, fallbackNoAnswer: 0 });
    await ask(app, QUESTION);
    await ask(app, QUESTION, true);
    await chat(app, QUESTION);
    await chat(app, QUESTION, true);
    await ask(app, UNANSWERABLE);
    await chat(app, UNANSWERABLE, true);
    await ask(app, ''); // refused: no answer to count
    assert.deepEqual(answers(await scrape(app)), { answered: 4, noAnswer: 2, fallbackAnswered: 0, fallbackNoAnswer: 0 });
    await app.close();
  });

  it('counts answers given after the LLM fell back', async () => {
    const response: AskResponse = { status: 'answered', answer: '答[1]', mode: 'extractive', citations: [], question: QUESTION, fallback: 'llm_unavailable' };
    const app = await testApp(fixedResponseQa(response));
    await ask(app, QUESTION);
    await chat(app, QUESTION, true);
    assert.deepEqual(answers(await scrape(app)), { answered: 0, noAnswer: 0, fallbackAnswered: 2, fallbackNoAnswer: 0 });
    await app.close();
  });

  it('reports the index size once the engine has loaded it', async () => {
    let stats: IndexStats | undefined;
    let qa: QaService | undefined;
    const app = await buildApp({ config: testConfig(), qa: () => qa, indexStats: () => stats, logger: false });
    let samples = await scrape(app);
    assert.equal(samples.get('zhida_index_chunks'), 0);
    assert.equal(samples.get('zhida_index_documents'), 0);
    stats = { chunks: 57, documents: 3 };
    qa = new FakeQaService();
    samples = await scrape(app);
    assert.equal(samples.get('zhida_index_chunks'), 57);
    assert.equal(samples.get('zhida_index_documents'), 3);
    await app.close();
  });

  it('keeps each app’s metrics apart', async () => {
    const first = await testApp();
    const second = await testApp();
    await ask(first, QUESTION);
    assert.equal(answers(await scrape(first)).answered, 1);
    assert.equal(answers(await scrape(second)).answered, 0);
    await first.close();
    await second.close();
  });
});
