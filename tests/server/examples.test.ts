import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import { FakeQaService } from './fake-qa-service.ts';
import { testConfig } from './test-app.ts';

const EXAMPLES = [{ question: '国家枢纽节点重点任务有哪些？', source: '000_dcbe81f0de4cc422.txt' }];

describe('GET /v1/examples', () => {
  it('lists the example questions of the loaded documents', async () => {
    const app = await buildApp({ config: testConfig(), qa: () => new FakeQaService(), examples: () => EXAMPLES, logger: false });
    const res = await app.inject('/v1/examples');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { examples: EXAMPLES });
    await app.close();
  });

  it('answers 503 NOT_READY while the index loads', async () => {
    const app = await buildApp({ config: testConfig(), qa: () => undefined, examples: () => undefined, logger: false });
    const res = await app.inject('/v1/examples');
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().error.code, 'NOT_READY');
    await app.close();
  });
});
