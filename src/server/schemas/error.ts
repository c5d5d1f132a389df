import { ERRORS, type ErrorCode } from '../../errors.ts';

const ALL_CODES = Object.keys(ERRORS) as ErrorCode[];

/** What each status means, for the OpenAPI document. */
const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed, not UTF-8, or does not match the schema; the message names the offending field',
  401: 'Missing or wrong API key (only when the server is configured with API_KEYS); sent with WWW-Authenticate: Bearer',
  403: 'The API key is valid but this route needs an admin key (ADMIN_API_KEYS)',
  404: 'No such route or resource',
  405: 'The route exists but not for this method; the Allow header lists the methods it takes',
  409: 'The resource exists; the message says how to replace it',
  413: 'The request body is larger than BODY_LIMIT_BYTES',
  415: 'The body is not application/json, or not in UTF-8',
  429: 'Too many requests for this API key (or client address); retry after the seconds in Retry-After',
  500: 'A server fault; the message never reveals internal details, and the request id in x-request-id finds it in the logs',
  503: 'The index is still loading; retry shortly',
};

/** Codes only the document routes answer: they list them themselves, and other routes' defaults leave them out. */
export const DOCUMENT_CODES: readonly ErrorCode[] = ['FORBIDDEN', 'DOCUMENT_NOT_FOUND', 'DOCUMENT_EXISTS', 'INVALID_FILE_NAME', 'UNSUPPORTED_DOCUMENT', 'DOCUMENT_TOO_LARGE'];

/** The error codes of src/errors.ts answered with `status` (the document routes' own codes aside). */
export function codesWithStatus(status: number): ErrorCode[] {
  return ALL_CODES.filter((code) => ERRORS[code].status === status && !DOCUMENT_CODES.includes(code));
}

/** The `{ error: { code, message } }` shape, with `code` limited to `codes`. */
function errorBodySchema(codes: readonly ErrorCode[], description: string) {
  return {
    description,
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        description: 'What went wrong',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: [...codes], description: 'Stable, machine-readable error code (see src/errors.ts)' },
          message: { type: 'string', description: 'What went wrong and what to do next, in English' },
        },
      },
    },
  } as const;
}

/** The one error shape every route answers with: `{ error: { code, message } }`, any code. */
export const errorResponseSchema = errorBodySchema(ALL_CODES, 'An error: every failure of every route has this shape');

/** The error response for `status`; `codes` narrows the documented codes to those the route can give. */
export function errorResponse(status: number, codes: readonly ErrorCode[] = codesWithStatus(status)) {
  return errorBodySchema(codes, STATUS_DESCRIPTIONS[status] ?? 'An error');
}

/** Error responses keyed by status, for a route schema's `response`: `errorResponses(400, 500)`, or `[400, ['INVALID_REQUEST']]` to narrow. */
export function errorResponses(...statuses: (number | [number, readonly ErrorCode[]])[]) {
  const responses: Record<number, ReturnType<typeof errorResponse>> = {};
  for (const entry of statuses) {
    const [status, codes] = Array.isArray(entry) ? entry : [entry, undefined];
    responses[status] = errorResponse(status, codes);
  }
  return responses;
}
