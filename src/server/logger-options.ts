import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { redactUrl } from './redact-url.ts';

/**
 * Where a bearer key could appear in a log line: a logged `headers` object, or one nested one level down
 * (`req.headers` from a custom request serializer). Pino censors these paths in every line.
 */
export const REDACTED_PATHS = ['headers.authorization', '*.headers.authorization'];
export const REDACTED = '[redacted]';

/** Fastify's request serializer, with credentials in the query string (`?api_key=…`) censored. */
function requestWithoutSecrets(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url, REDACTED),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The logger options with redaction of the Authorization header and of secrets in URLs added (kept as given when they already redact). */
export function withRedaction(logger: FastifyServerOptions['logger'], level: string): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  const options = typeof logger === 'object' && logger !== null ? logger : { level };
  const serializers = { req: requestWithoutSecrets, ...(options as { serializers?: Record<string, unknown> }).serializers };
  return { redact: { paths: REDACTED_PATHS, censor: REDACTED }, ...options, serializers };
}
