import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import type { QaService } from '../../src/types.ts';
import { FakeQaService } from './fake-qa-service.ts';
import { testConfig } from './test-app.ts';

describe('health probes', () => {
  it('/healthz is 200 ok, and /readyz turns from 503 to 200 when the engine arrives', async () => {
    let qa: QaService | undefined;
    const app = await buildApp({ config: testConfig(), qa: () => qa, logger: false });

    const health = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });

    const notReady = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(notReady.statusCode, 503);
    assert.deepEqual(notReady.json(), { error: { code: 'NOT_READY', message: 'The index is still loading: retry shortly' } });

    qa = new FakeQaService();
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
    assert.deepEqual((await app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });

    const ask = await app.inject({ method: 'POST', url: '/v1/ask', payload: { question: '数字经济' } });
    assert.equal(ask.statusCode, 200);
    await app.close();
  });

  it('answers HEAD on the probes', async () => {
    const app = await buildApp({ config: testConfig(), qa: () => undefined, logger: false });
    assert.equal((await app.inject({ method: 'HEAD', url: '/healthz' })).statusCode, 200);
    await app.close();
  });
});
