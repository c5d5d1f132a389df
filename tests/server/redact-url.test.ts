import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactUrl } from '../../src/server/redact-url.ts';

describe('redactUrl', () => {
  it('censors credential-like query parameters and keeps the rest', () => {
    assert.equal(redactUrl('/v1/models?api_key=sk-1&x=2&access_token=t&apiKey=k', '***'), '/v1/models?api_key=***&x=2&access_token=***&apiKey=***');
    assert.equal(redactUrl('/v1/ask?%61pi_key=sk-1', '***'), '/v1/ask?%61pi_key=***', 'percent-encoded names are recognised');
    assert.equal(redactUrl('/v1/context?source=a.txt&start=1', '***'), '/v1/context?source=a.txt&start=1');
    assert.equal(redactUrl('/healthz', '***'), '/healthz');
  });
});
