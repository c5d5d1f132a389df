import type { FastifyServerOptions } from 'fastify';

/**
 * Where a bearer key could appear in a log line: a logged `headers` object, or one nested one level down
 * (`req.headers` from a custom request serializer). Pino censors these paths in every line.
 */
export const REDACTED_PATHS = ['headers.authorization', '*.headers.authorization'];
export const REDACTED = '[redacted]';

/** The logger options with redaction of the Authorization header added (kept as given when they already redact). */
export function withRedaction(logger: FastifyServerOptions['logger'], level: string): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  const options = typeof logger === 'object' && logger !== null ? logger : { level };
  return { redact: { paths: REDACTED_PATHS, censor: REDACTED }, ...options };
}
