/** Types of sse-parser.js (plain JS served to the browser as is), for the tests that import it. */

export interface SseMessage {
  /** The `event:` field, or "message" when the event named none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen on the stream ("" when none). */
  id: string;
}

export class SseParser {
  push(text: string): SseMessage[];
}

export function readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage, void, undefined>;
