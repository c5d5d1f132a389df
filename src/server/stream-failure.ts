import type { FastifyRequest } from 'fastify';
import { toHttpError, type ErrorBody } from './http-errors.ts';

/**
 * A failure after a stream has started: logged (with its cause when internal), then sent to the client in the
 * stream's own way by `send`; nothing is sent when the client has gone away.
 */
export async function reportStreamFailure(request: FastifyRequest, error: unknown, signal: AbortSignal, what: string, send: (body: ErrorBody) => Promise<void>): Promise<void> {
  if (signal.aborted) return;
  const { body, internal } = toHttpError(error);
  if (internal) request.log.error({ err: error }, `${what} stream failed`);
  else request.log.info({ code: body.error.code }, `${what} stream stopped`);
  await send(body).catch(() => undefined);
}
