import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../src/errors.ts';
import { formatValidationErrors, toHttpError } from '../../src/server/http-errors.ts';

function fastifyError(code: string, statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { code, statusCode });
}

describe('toHttpError', () => {
  it('keeps a client AppError’s own message', () => {
    assert.deepEqual(toHttpError(new AppError('EMPTY_QUESTION', 'Ask something')), {
      statusCode: 400,
      body: { error: { code: 'EMPTY_QUESTION', message: 'Ask something' } },
      internal: false,
    });
  });

  it('shows only the table message of a 5xx AppError', () => {
    assert.deepEqual(toHttpError(new AppError('INDEX_MISSING', 'nothing at /srv/data/.index')), {
      statusCode: 500,
      body: { error: { code: 'INDEX_MISSING', message: 'No index found: run "npm run ingest" first' } },
      internal: true,
    });
  });

  it('treats NOT_READY as an expected state, not a server fault to log as an error', () => {
    assert.deepEqual(toHttpError(new AppError('NOT_READY')), {
      statusCode: 503,
      body: { error: { code: 'NOT_READY', message: 'The index is still loading: retry shortly' } },
      internal: false,
    });
  });

  it('maps Fastify request errors by code', () => {
    assert.equal(toHttpError(fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400, 'x')).body.error.code, 'INVALID_JSON');
    assert.equal(toHttpError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413, 'x')).statusCode, 413);
    assert.equal(toHttpError(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'x')).statusCode, 415);
    assert.deepEqual(toHttpError(fastifyError('FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'Request body size did not match Content-Length')), {
      statusCode: 400,
      body: { error: { code: 'INVALID_REQUEST', message: 'Request body size did not match Content-Length' } },
      internal: false,
    });
  });

  it('hides everything else behind 500 INTERNAL', () => {
    const expected = { statusCode: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } }, internal: true };
    assert.deepEqual(toHttpError(new Error('password=hunter2')), expected);
    assert.deepEqual(toHttpError('a thrown string'), expected);
    assert.deepEqual(toHttpError(undefined), expected);
    // A library error that happens to carry a 4xx status is still the server's problem.
    assert.deepEqual(toHttpError(Object.assign(new Error('upstream said 401 for key sk-123'), { statusCode: 401, code: 'E_UPSTREAM' })), expected);
    assert.deepEqual(toHttpError(fastifyError('FST_ERR_REP_ALREADY_SENT', 500, 'Reply was already sent')), expected);
  });
});

describe('formatValidationErrors', () => {
  it('names the field in each message', () => {
    const error = formatValidationErrors(
      [
        { keyword: 'maximum', instancePath: '/k', schemaPath: '#/properties/k/maximum', params: { limit: 20 }, message: 'must be <= 20' },
        { keyword: 'additionalProperties', instancePath: '', schemaPath: '#/additionalProperties', params: { additionalProperty: 'topK' }, message: 'must NOT have additional properties' },
        { keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'question' }, message: "must have required property 'question'" },
        { keyword: 'type', instancePath: '', schemaPath: '#/type', params: { type: 'object' }, message: 'must be object' },
      ],
      'body',
    );
    assert.equal(
      error.message,
      'body/k must be <= 20; body has an unknown field "topK"; body is missing the required field "question"; body must be a JSON object',
    );
  });
});
