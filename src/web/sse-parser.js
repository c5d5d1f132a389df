/**
 * Server-Sent Events read from a fetch() response body. EventSource cannot POST or send an
 * Authorization header, so the framing (https://html.spec.whatwg.org/multipage/server-sent-events.html)
 * is parsed here: a few dozen lines, no dependency, same rules as the browser's own parser.
 */

const LINE_BREAK = /\r\n|\r|\n/g;

/** Incremental parser: feed it decoded text in any pieces, get back the complete events. */
export class SseParser {
  #pending = '';
  #eventType = '';
  #data = [];
  #lastEventId = '';
  #started = false;
  /** A chunk ended in `\r`: a `\n` starting the next chunk belongs to the same line break. */
  #skipLineFeed = false;

  /** Returns the events completed by `text` (each `{ event, data, id }`), in order. */
  push(text) {
    if (text === '') return [];
    let input = text;
    if (this.#skipLineFeed && input.startsWith('\n')) input = input.slice(1);
    this.#skipLineFeed = false;
    if (!this.#started) {
      this.#started = true;
      if (input.startsWith('\uFEFF')) input = input.slice(1);
    }
    const buffer = this.#pending + input;
    const events = [];
    let lineStart = 0;
    LINE_BREAK.lastIndex = 0;
    for (let match = LINE_BREAK.exec(buffer); match; match = LINE_BREAK.exec(buffer)) {
      if (match[0] === '\r' && match.index === buffer.length - 1) this.#skipLineFeed = true;
      this.#line(buffer.slice(lineStart, match.index), events);
      lineStart = match.index + match[0].length;
    }
    this.#pending = buffer.slice(lineStart);
    return events;
  }

  #line(line, events) {
    if (line === '') return this.#dispatch(events);
    if (line.startsWith(':')) return; // a comment (often a keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#eventType = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#lastEventId = value;
    // `retry` and unknown fields are ignored, as the standard says.
  }

  #dispatch(events) {
    const type = this.#eventType;
    const data = this.#data;
    this.#eventType = '';
    this.#data = [];
    if (data.length === 0) return;
    events.push({ event: type || 'message', data: data.join('\n'), id: this.#lastEventId });
  }
}

/**
 * Yields the events of a text/event-stream body as they arrive. An event not closed by a blank
 * line when the stream ends is dropped, as browsers do. Stopping early cancels the body.
 */
export async function* readEventStream(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = new SseParser();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    finished = true;
    yield* parser.push(decoder.decode());
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
