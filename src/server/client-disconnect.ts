import type { FastifyReply } from 'fastify';

/** An AbortSignal that fires when the client goes away before the response is complete. */
export function abortOnDisconnect(reply: FastifyReply): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableEnded) controller.abort(new Error('client disconnected'));
  };
  if (reply.raw.closed) onClose();
  else reply.raw.on('close', onClose);
  return { signal: controller.signal, dispose: () => reply.raw.off('close', onClose) };
}
