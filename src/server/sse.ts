import { once } from 'node:events';
import type { FastifyReply } from 'fastify';

/**
 * Server-Sent Events written by hand on the raw response: the framing is a few lines, and
 * writing it here keeps control of the headers, backpressure and the end of the stream.
 */
export interface EventStream {
  send(event: string, json: string): Promise<void>;
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
  return {
    async send(event, json) {
      // JSON.stringify output has no raw newlines, so one `data:` line per event is enough.
      if (!res.write(`event: ${event}\ndata: ${json}\n\n`)) await once(res, 'drain', { signal });
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}
