import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import { FakeQaService } from './fake-qa-service.ts';
import { testApp, testConfig } from './test-app.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('buildApp', () => {
  it('gives every response a fresh UUID x-request-id', async () => {
    const app = await testApp();
    const first = await app.inject({ method: 'GET', url: '/healthz' });
    const second = await app.inject({ method: 'GET', url: '/nowhere' });
    assert.match(first.headers['x-request-id'] as string, UUID);
    assert.match(second.headers['x-request-id'] as string, UUID);
    assert.notEqual(first.headers['x-request-id'], second.headers['x-request-id']);
    await app.close();
  });

  it('keeps a well-formed incoming x-request-id and replaces a malformed one', async () => {
    const app = await testApp();
    const kept = await app.inject({ method: 'POST', url: '/v1/ask', headers: { 'x-request-id': 'lb-7f3a.42:1' }, payload: { question: '数字经济' } });
    assert.equal(kept.headers['x-request-id'], 'lb-7f3a.42:1');
    for (const bad of ['has space', 'x'.repeat(129), '<script>', '{"level":60}']) {
      const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': bad } });
      assert.match(res.headers['x-request-id'] as string, UUID, bad);
    }
    await app.close();
  });

  it('logs JSON lines with the request id, and the hidden cause of a 500', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = await buildApp({
      config: testConfig(),
      qa: () => new FakeQaService({ failWith: new Error('disk quota exceeded on /var/lib/index') }),
      logger: { level: 'info', stream: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } },
    });
    const res = await app.inject({ method: 'POST', url: '/v1/ask', headers: { 'x-request-id': 'req-1' }, payload: { question: '数字经济' } });
    assert.deepEqual(res.json(), { error: { code: 'INTERNAL', message: 'Internal error' } });
    const failure = lines.find((line) => line.msg === 'request failed');
    assert.equal(failure?.reqId, 'req-1');
    assert.equal(failure?.level, 50);
    assert.equal((failure?.err as { message: string }).message, 'disk quota exceeded on /var/lib/index');
    await app.close();
  });

  it('uses config.LOG_LEVEL when no logger option is given', async () => {
    const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'silent' }), qa: () => undefined });
    assert.equal(app.log.level, 'silent');
    await app.close();
  });
});
