import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { REDACTED, REDACTED_PATHS, withRedaction } from '../../src/server/logger-options.ts';
import { FakeQaService } from './fake-qa-service.ts';
import { testConfig } from './test-app.ts';

const KEY = 'sk-secret-7f3a9c';

/** An app logging every line (JSON, trace level and up) into `lines`. */
async function loggingApp(lines: string[], extra: Record<string, unknown> = {}) {
  return buildApp({
    config: testConfig({ API_KEYS: KEY }),
    qa: () => new FakeQaService(),
    logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) }, ...extra },
  });
}

describe('log redaction', () => {
  it('never writes an API key, right or wrong, to the log', async () => {
    const lines: string[] = [];
    const app = await loggingApp(lines);
    const ok = await app.inject({ method: 'POST', url: '/v1/ask', headers: { authorization: `Bearer ${KEY}` }, payload: { question: '数字经济' } });
    assert.equal(ok.statusCode, 200);
    const refused = await app.inject({ method: 'POST', url: '/v1/ask', headers: { authorization: `Bearer ${KEY}-wrong` }, payload: { question: '数字经济' } });
    assert.equal(refused.statusCode, 401);
    await app.close();
    assert.ok(lines.length >= 4, 'requests were logged');
    assert.deepEqual(lines.filter((line) => line.includes('sk-secret')), []);
  });

  it('censors the Authorization header wherever headers are logged', async () => {
    const lines: string[] = [];
    // A request serializer that logs headers, as operators sometimes configure.
    const app = await loggingApp(lines, { serializers: { req: (request: FastifyRequest) => ({ url: request.url, headers: request.headers }) } });
    await app.inject({ method: 'GET', url: '/v1/models', headers: { authorization: `Bearer ${KEY}`, 'x-request-id': 'redact-1' } });
    app.log.info({ headers: { authorization: `Bearer ${KEY}` } }, 'headers at the top level');
    await app.close();
    const incoming = lines.map((line) => JSON.parse(line) as Record<string, any>).find((entry) => entry.reqId === 'redact-1' && entry.req);
    assert.equal(incoming?.req.headers.authorization, REDACTED);
    assert.equal(incoming?.req.headers['x-request-id'], 'redact-1');
    const topLevel = lines.map((line) => JSON.parse(line) as Record<string, any>).find((entry) => entry.msg === 'headers at the top level');
    assert.equal(topLevel?.headers.authorization, REDACTED);
    assert.deepEqual(lines.filter((line) => line.includes(KEY)), []);
  });
});

describe('withRedaction', () => {
  it('adds redaction to the default, to given options, and leaves a silenced logger silent', () => {
    const redact = { paths: REDACTED_PATHS, censor: REDACTED };
    const { serializers, ...rest } = withRedaction(undefined, 'info') as { serializers: { req: unknown } };
    assert.deepEqual(rest, { redact, level: 'info' });
    assert.equal(typeof serializers.req, 'function', 'URLs are logged through a serializer that censors secrets');
    const { serializers: _, ...warn } = withRedaction({ level: 'warn' }, 'info') as { serializers: unknown };
    assert.deepEqual(warn, { redact, level: 'warn' });
    assert.equal(withRedaction(false, 'info'), false);
  });
});
