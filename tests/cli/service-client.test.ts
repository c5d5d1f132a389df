import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { askService, serviceReady } from '../../src/cli/service-client.ts';
import { AppError } from '../../src/errors.ts';
import { closedPort } from '../support/fake-openai-server.ts';
import { ANSWER_TEXT, FakeQaService } from '../server/fake-qa-service.ts';
import { testApp } from '../server/test-app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const QUESTION = '数字经济健康发展有哪三个“有利于”？';

describe('asking a running service', () => {
  let app: FastifyInstance;
  let url: string;
  const fake = new FakeQaService();
  before(async () => {
    app = await testApp(fake, { API_KEYS: 'cli-key' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(() => app.close());

  it('finds a ready service, and none where nothing listens', async () => {
    assert.equal(await serviceReady(url), true);
    assert.equal(await serviceReady(`http://127.0.0.1:${await closedPort()}`), false);
  });

  it('gets the answer with k and the key, and turns error replies into their codes', async () => {
    const response = await askService(url, QUESTION, { k: 2, apiKey: 'cli-key' });
    assert.equal(response.answer, ANSWER_TEXT);
    assert.equal(fake.calls.at(-1)?.options?.k, 2);
    await assert.rejects(askService(url, QUESTION, {}), (error: AppError) => error.code === 'UNAUTHORIZED');
    await assert.rejects(askService(`http://127.0.0.1:${await closedPort()}`, QUESTION, {}), /no service answers at/);
  });

  it('is what `npm run ask -- --url` prints', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--url', url, QUESTION], {
      cwd: ROOT,
      env: { ...process.env, ZHIDA_API_KEY: 'cli-key', INDEX_DIR: '/nonexistent-index' },
      timeout: 20_000,
    });
    assert.equal(JSON.parse(stdout).answer, ANSWER_TEXT);
  });
});
