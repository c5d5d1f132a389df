import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AskEvent, AskResponse } from '../types.ts';
import { toHttpError } from './http-errors.ts';
import { askResponseSchema, citationsEventSchema, deltaEventSchema } from './schemas/ask.ts';
import { openEventStream } from './sse.ts';

/** `debug` leaves only when the client asked for it, whatever the engine filled in. */
export function publicResponse(response: AskResponse, debugAsked: boolean): AskResponse {
  if (debugAsked) return response;
  const { debug: _unasked, ...rest } = response;
  return rest;
}

/** Serializes with the same schemas as the JSON reply, so streamed and plain answers have the same shape. */
function eventData(reply: FastifyReply, event: AskEvent, debugAsked: boolean): string {
  switch (event.type) {
    case 'citations':
      return reply.serializeInput({ citations: event.citations }, citationsEventSchema);
    case 'delta':
      return reply.serializeInput({ text: event.text }, deltaEventSchema);
    case 'done':
      return reply.serializeInput({ ...publicResponse(event.response, debugAsked) }, askResponseSchema);
  }
}

/**
 * Sends an answer as Server-Sent Events: `citations`, then `delta` per chunk, then `done` with the
 * whole AskResponse. A failure after the stream has started arrives as an `error` event, then the
 * stream ends. Stops quietly once `signal` fires (the client went away).
 */
export async function streamAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  events: AsyncIterable<AskEvent>,
  options: { signal: AbortSignal; debugAsked: boolean },
): Promise<void> {
  const { signal, debugAsked } = options;
  const iterator = events[Symbol.asyncIterator]();
  // Waiting for the first event before sending headers lets early failures (e.g. a missing index)
  // reach the error handler and keep their HTTP status.
  let step = await iterator.next();
  const stream = openEventStream(reply, signal);
  try {
    for (; !step.done && !signal.aborted; step = await iterator.next()) {
      await stream.send(step.value.type, eventData(reply, step.value, debugAsked));
      if (step.value.type === 'done') break;
    }
  } catch (error) {
    if (!signal.aborted) {
      const { body, internal } = toHttpError(error);
      if (internal) request.log.error({ err: error }, 'answer stream failed');
      else request.log.info({ code: body.error.code }, 'answer stream stopped');
      await stream.send('error', JSON.stringify(body)).catch(() => undefined);
    }
  } finally {
    stream.end();
    // Lets the engine release what it holds (e.g. an LLM request) when we stop early.
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
  if (signal.aborted) request.log.info('client disconnected during the answer stream');
}
