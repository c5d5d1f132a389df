import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { testApp, testConfig } from './test-app.ts';

/** Tests of src/server/plugins/errors.ts and of how request-reading failures are shaped. */
describe('error responses', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testApp();
  });
  after(() => app.close());

  function post(url: string, payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    return app.inject({ method: 'POST', url, payload, headers });
  }

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    for (const url of ['/v1/ask', '/v1/search']) {
      const res = await post(url, '{"question": "数字经济",');
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json(), { error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' } });
    }
  });

  it('answers JSON with a __proto__ key with 400 INVALID_JSON', async () => {
    const res = await post('/v1/ask', '{"question":"数字经济","__proto__":{"admin":true}}');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), { error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' } });
  });

  it('answers an empty JSON body with 400 INVALID_REQUEST', async () => {
    const res = await post('/v1/ask', '');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), { error: { code: 'INVALID_REQUEST', message: 'The request body is empty: send a JSON object' } });
  });

  it('answers a POST without any body or content type with 400 INVALID_REQUEST', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/ask' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), { error: { code: 'INVALID_REQUEST', message: 'body must be a JSON object' } });
  });

  it('answers JSON null with 400 INVALID_REQUEST', async () => {
    const res = await post('/v1/search', 'null');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), { error: { code: 'INVALID_REQUEST', message: 'body must be a JSON object' } });
  });

  it('answers a body over BODY_LIMIT_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
    const limit = testConfig().BODY_LIMIT_BYTES;
    const payload = JSON.stringify({ question: 'a'.repeat(limit) });
    const res = await post('/v1/ask', payload);
    assert.equal(res.statusCode, 413);
    assert.deepEqual(res.json(), { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the limit' } });
  });

  it('accepts a body just under the limit', async () => {
    const limit = testConfig().BODY_LIMIT_BYTES;
    const payload = JSON.stringify({ query: '5G', k: 3 }).padEnd(limit, ' ');
    assert.equal(Buffer.byteLength(payload), limit);
    assert.equal((await post('/v1/search', payload)).statusCode, 200);
  });

  it('answers other content types with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const expected = { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' } };
    for (const contentType of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await post('/v1/ask', '{"question":"数字经济"}', { 'content-type': contentType });
      assert.equal(res.statusCode, 415, contentType);
      assert.deepEqual(res.json(), expected);
    }
    const noType = await app.inject({ method: 'POST', url: '/v1/search', payload: Buffer.from('{"query":"数字经济"}') });
    assert.equal(noType.statusCode, 415);
    assert.deepEqual(noType.json(), expected);
  });

  it('accepts application/json with a charset', async () => {
    const res = await post('/v1/search', '{"query":"数字经济"}', { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(res.statusCode, 200);
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/answers?q=1' });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), { error: { code: 'NOT_FOUND', message: 'No such route: GET /v1/answers' } });
    const post404 = await post('/v2/ask', '{}');
    assert.equal(post404.statusCode, 404);
    assert.equal(post404.json().error.code, 'NOT_FOUND');
  });

  it('answers a known path with the wrong method with 405 METHOD_NOT_ALLOWED and Allow', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/ask' });
    assert.equal(res.statusCode, 405);
    assert.equal(res.headers.allow, 'POST');
    assert.deepEqual(res.json(), { error: { code: 'METHOD_NOT_ALLOWED', message: 'This route does not accept that method: use POST' } });
    const del = await app.inject({ method: 'DELETE', url: '/healthz' });
    assert.equal(del.statusCode, 405);
    assert.equal(del.headers.allow, 'GET, HEAD');
  });

  it('answers a malformed URL with 400 INVALID_REQUEST', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/%E0%A4%A' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), { error: { code: 'INVALID_REQUEST', message: 'The URL is not valid: check its percent-encoding' } });
    assert.match(res.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
  });

  it('answers a Content-Length that does not match the body with 400 INVALID_REQUEST', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/ask',
      headers: { 'content-type': 'application/json', 'content-length': '100' },
      payload: '{"question":"数字经济"}',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'INVALID_REQUEST');
  });
});
