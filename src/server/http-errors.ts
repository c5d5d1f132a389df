import type { FastifySchemaValidationError } from 'fastify';
import { AppError, ERRORS, type ErrorCode } from '../errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export interface HttpError {
  statusCode: number;
  body: ErrorBody;
  /** A server fault worth an error log (the original error was not shown). NOT_READY is an expected state, not one. */
  internal: boolean;
}

function httpError(code: ErrorCode, message: string = ERRORS[code].message): HttpError {
  const statusCode = ERRORS[code].status;
  return { statusCode, body: { error: { code, message } }, internal: statusCode >= 500 && code !== 'NOT_READY' };
}

/** Fastify's own request errors, by their `code`. */
const FASTIFY_ERRORS = new Map<string, HttpError>([
  ['FST_ERR_CTP_INVALID_JSON_BODY', httpError('INVALID_JSON')],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', httpError('INVALID_REQUEST', 'The request body is empty: send a JSON object')],
  ['FST_ERR_CTP_BODY_TOO_LARGE', httpError('PAYLOAD_TOO_LARGE')],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', httpError('UNSUPPORTED_MEDIA_TYPE')],
  ['FST_ERR_BAD_URL', httpError('INVALID_REQUEST', 'The URL is not valid: check its percent-encoding')],
]);

/** The `code` and `statusCode` Fastify puts on the errors it raises while reading a request. */
function fastifyRequestError(error: unknown): { code: string; statusCode: number; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  return { code, statusCode: typeof statusCode === 'number' ? statusCode : 500, message: error.message };
}

/**
 * Maps any thrown value to a status and the public error body. Internal details never reach the
 * client: unknown errors become INTERNAL with the generic message, and 5xx AppErrors show the table
 * message (their own message may name files or hosts).
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof AppError) {
    return error.status >= 500 ? httpError(error.code) : httpError(error.code, error.message);
  }
  if (error instanceof Error && 'validation' in error && Array.isArray(error.validation)) {
    return httpError('INVALID_REQUEST', error.message);
  }
  const fastify = fastifyRequestError(error);
  if (fastify) {
    const known = FASTIFY_ERRORS.get(fastify.code);
    if (known) return known;
    // Fastify's other 4xx errors describe the request (e.g. a wrong Content-Length), so their message is safe to show.
    if (fastify.statusCode >= 400 && fastify.statusCode < 500) return httpError('INVALID_REQUEST', fastify.message);
  }
  return httpError('INTERNAL');
}

/** One line per schema violation, naming the field: `body/k must be <= 20`. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const lines = errors.map((issue) => {
    const where = `${dataVar}${issue.instancePath}`;
    const params = issue.params as Record<string, unknown>;
    if (issue.keyword === 'additionalProperties') return `${where} has an unknown field "${String(params.additionalProperty)}"`;
    if (issue.keyword === 'required') return `${where} is missing the required field "${String(params.missingProperty)}"`;
    if (issue.keyword === 'type' && issue.instancePath === '' && dataVar === 'body') return 'body must be a JSON object';
    return `${where} ${issue.message ?? 'is invalid'}`;
  });
  return new Error(lines.join('; '));
}
