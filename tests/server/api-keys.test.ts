import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiKeyMatcher, bearerToken } from '../../src/server/api-keys.ts';

describe('bearerToken', () => {
  it('reads the token of a Bearer header, in any case of the scheme', () => {
    assert.equal(bearerToken('Bearer sk-1'), 'sk-1');
    assert.equal(bearerToken('bearer  sk-1 '), 'sk-1');
  });

  it('refuses other schemes, empty tokens and tokens with spaces', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic c2stMQ==', 'sk-1', 'Bearer sk 1', 'Token sk-1']) {
      assert.equal(bearerToken(header), undefined, String(header));
    }
  });
});

describe('apiKeyMatcher', () => {
  const identify = apiKeyMatcher(['sk-first', 'sk-second']);

  it('names the matching key by position, never by value', () => {
    assert.equal(identify('sk-first'), 'key-1');
    assert.equal(identify('sk-second'), 'key-2');
  });

  it('matches nothing for a wrong, shorter, longer or missing token', () => {
    for (const token of ['sk-third', 'sk-firs', 'sk-first-and-more', '', undefined]) assert.equal(identify(token), undefined, String(token));
  });

  it('matches nothing when no keys are configured', () => {
    assert.equal(apiKeyMatcher([])('sk-first'), undefined);
  });
});
