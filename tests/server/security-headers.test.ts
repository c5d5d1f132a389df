import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSse, testApp } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';
const PREFLIGHT = { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' };

describe('security headers', () => {
  it('sends helmet headers, with a CSP that allows the service’s own scripts and styles', async () => {
    const app = await testApp();
    for (const url of ['/healthz', '/docs', '/openapi.json']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
      const csp = String(res.headers['content-security-policy']).split(';');
      assert.ok(csp.includes("default-src 'self'"), url);
      assert.ok(csp.includes("script-src 'self'"), url);
      assert.ok(csp.includes("object-src 'none'"), url);
      // Plain-HTTP deployments must not have their asset URLs rewritten to https.
      assert.equal(csp.some((directive) => directive.startsWith('upgrade-insecure-requests')), false, url);
    }
    await app.close();
  });

  it('sends only nosniff on the JSON API, where a page policy has nothing to protect', async () => {
    const app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/v1/search', payload: { query: '东数西算' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-security-policy'], undefined);
    await app.close();
  });

  it('keeps nosniff on streamed answers', async () => {
    const app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/v1/ask', payload: { question: QUESTION, stream: true } });
    assert.equal(parseSse(res.payload).at(-1)?.event, 'done');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    await app.close();
  });
});

describe('CORS', () => {
  it('sends no CORS headers without CORS_ORIGINS (same origin only)', async () => {
    const app = await testApp();
    const res = await app.inject({ method: 'GET', url: '/v1/models', headers: { origin: 'https://app.example' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    const preflight = await app.inject({ method: 'OPTIONS', url: '/v1/ask', headers: PREFLIGHT });
    assert.equal(preflight.statusCode, 405);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    await app.close();
  });

  it('allows the configured origins only, and lets them read the request id and rate-limit headers', async () => {
    const app = await testApp(undefined, { CORS_ORIGINS: 'https://app.example, https://other.example' });
    const allowed = await app.inject({ method: 'GET', url: '/v1/models', headers: { origin: 'https://app.example' } });
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://app.example');
    assert.equal(allowed.headers.vary, 'Origin');
    assert.equal(allowed.headers['access-control-expose-headers'], 'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset');
    const refused = await app.inject({ method: 'GET', url: '/v1/models', headers: { origin: 'https://evil.example' } });
    assert.equal(refused.headers['access-control-allow-origin'], undefined);
    await app.close();
  });

  it('answers preflight requests, even when API keys are required', async () => {
    const app = await testApp(undefined, { CORS_ORIGINS: 'https://app.example', API_KEYS: 'sk-1' });
    const res = await app.inject({ method: 'OPTIONS', url: '/v1/ask', headers: PREFLIGHT });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], 'https://app.example');
    assert.equal(res.headers['access-control-allow-methods'], 'GET, HEAD, POST');
    assert.equal(res.headers['access-control-allow-headers'], 'authorization, content-type, x-request-id');
    await app.close();
  });

  it('allows any origin with CORS_ORIGINS=*', async () => {
    const app = await testApp(undefined, { CORS_ORIGINS: '*' });
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://anywhere.example' } });
    assert.equal(res.headers['access-control-allow-origin'], '*');
    await app.close();
  });
});
