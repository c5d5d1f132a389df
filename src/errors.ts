/**
 * Every error the service reports, by code. Code throws codes; the HTTP layer maps them to statuses.
 * Messages say what to do next.
 */
export const ERRORS = {
  INVALID_REQUEST: { status: 400, message: 'The request does not match the schema' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON' },
  INVALID_ENCODING: { status: 400, message: 'The request body is not valid UTF-8: send JSON encoded as UTF-8' },
  BAD_HTTP: { status: 400, message: 'The request is not valid HTTP/1.1 (e.g. a repeated Content-Length, or Transfer-Encoding with Content-Length)' },
  EMPTY_QUESTION: { status: 400, message: 'The question is empty: send a non-empty "question"' },
  QUESTION_TOO_LONG: { status: 400, message: 'The question is longer than 2,000 characters: shorten it' },
  UNAUTHORIZED: { status: 401, message: 'Send a valid API key as "Authorization: Bearer <key>"' },
  FORBIDDEN: { status: 403, message: 'This route needs an admin key (one of ADMIN_API_KEYS)' },
  NOT_FOUND: { status: 404, message: 'No such route' },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'No such document in the documents folder' },
  DOCUMENT_EXISTS: { status: 409, message: 'A document of that name exists: send replace=true to replace it' },
  INVALID_FILE_NAME: { status: 400, message: 'The file name is not usable: give it a name and an extension (.txt .md .html .pdf .docx)' },
  UNSUPPORTED_DOCUMENT: { status: 415, message: 'Not a document that can be read: send .txt, .md, .html, .pdf or .docx files whose content matches the name' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This route does not accept that method' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time: send the whole request within REQUEST_TIMEOUT_MS' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than the limit' },
  DOCUMENT_TOO_LARGE: { status: 413, message: 'The file is larger than UPLOAD_MAX_BYTES' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json' },
  UNSUPPORTED_CHARSET: { status: 415, message: 'Send the body as application/json in UTF-8 (charset=utf-8 or no charset)' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are larger than the server accepts' },
  RATE_LIMITED: { status: 429, message: 'Too many requests: wait and retry after the time in Retry-After' },
  NOT_READY: { status: 503, message: 'The index is still loading: retry shortly' },
  INTERNAL: { status: 500, message: 'Internal error' },
  CONFIG_INVALID: { status: 500, message: 'The configuration is invalid' },
  INDEX_MISSING: { status: 500, message: 'No index found: run "npm run ingest" first' },
  INDEX_INCOMPATIBLE: { status: 500, message: 'The index was built by another embedder or format: rebuild it with "npm run ingest -- --full"' },
  INDEX_CORRUPT: { status: 500, message: 'The index files are damaged: rebuild them with "npm run ingest"' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERRORS[code].message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
  }
}
