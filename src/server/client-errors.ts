import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { ErrorCode } from '../errors.ts';
import { ERRORS } from '../errors.ts';

/** Node's code for a request that broke the HTTP framing or a limit → this service's error code. */
function codeFor(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  return 'BAD_HTTP';
}

/**
 * Answers errors Node's HTTP parser raises before a request exists (bad framing, header overflow,
 * request or header timeouts) in the `{ error: { code, message } }` shape, then closes the connection:
 * after a framing error the rest of the stream cannot be trusted. Replaces Fastify's default handler,
 * whose body has another shape.
 */
export function answerClientError(log: FastifyBaseLogger, error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = codeFor(error);
  const { status, message } = ERRORS[code];
  log.info({ code, reason: error.code ?? error.message }, 'connection rejected');
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroySoon();
}
