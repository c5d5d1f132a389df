import { once } from 'node:events';
import type { FastifyReply } from 'fastify';

/**
 * Server-Sent Events written by hand on the raw response: the framing is a few lines, and
 * writing it here keeps control of the headers, backpressure and the end of the stream.
 */
export interface EventStream {
  /** A named event: `event: <name>` and one `data:` line (the /v1/ask stream). */
  send(event: string, json: string): Promise<void>;
  /** An unnamed event, `data: <text>` only (the OpenAI-style stream, whose last event is `data: [DONE]`). */
  data(text: string): Promise<void>;
  end(): void;
}

/** Takes the reply over from Fastify and sends the event-stream headers (keeping those already set, e.g. x-request-id). */
export function openEventStream(reply: FastifyReply, signal: AbortSignal): EventStream {
  reply.hijack();
  const res = reply.raw;
  const alreadySet = Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined);
  res.writeHead(200, {
    ...(Object.fromEntries(alreadySet) as Record<string, string | number | string[]>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    // Stops proxies such as nginx from buffering the stream.
    'x-accel-buffering': 'no',
  });
  // JSON.stringify output has no raw newlines, so one `data:` line per event is enough.
  const write = async (frame: string) => {
    if (!res.write(frame)) await once(res, 'drain', { signal });
  };
  return {
    send: (event, json) => write(`event: ${event}\ndata: ${json}\n\n`),
    data: (text) => write(`data: ${text}\n\n`),
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}
