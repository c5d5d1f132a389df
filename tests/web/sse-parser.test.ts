import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEventStream, SseParser, type SseMessage } from '../../src/web/sse-parser.js';

/** The server's framing (src/server/sse.ts): one `event:` and one `data:` line per event. */
const STREAM =
  'event: citations\ndata: {"citations":[]}\n\n' +
  'event: delta\ndata: {"text":"数字经济"}\n\n' +
  'event: done\ndata: {"status":"answered"}\n\n';

const EXPECTED: SseMessage[] = [
  { event: 'citations', data: '{"citations":[]}', id: '' },
  { event: 'delta', data: '{"text":"数字经济"}', id: '' },
  { event: 'done', data: '{"status":"answered"}', id: '' },
];

function parseInPieces(pieces: string[]): SseMessage[] {
  const parser = new SseParser();
  return pieces.flatMap((piece) => parser.push(piece));
}

function bodyOf(chunks: Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (!onCancel) controller.close();
    },
    cancel: onCancel,
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<SseMessage[]> {
  const out: SseMessage[] = [];
  for await (const message of readEventStream(body)) out.push(message);
  return out;
}

describe('SseParser', () => {
  it('parses the server stream pushed whole', () => {
    assert.deepEqual(parseInPieces([STREAM]), EXPECTED);
  });

  it('gives the same events whatever the chunk boundaries, down to one character at a time', () => {
    assert.deepEqual(parseInPieces([...STREAM]), EXPECTED);
    for (let cut = 1; cut < STREAM.length; cut++) {
      assert.deepEqual(parseInPieces([STREAM.slice(0, cut), STREAM.slice(cut)]), EXPECTED, `cut at ${cut}`);
    }
  });

  it('returns an event only once its blank line has arrived', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('event: delta\ndata: {"text":"一"}\n'), []);
    assert.deepEqual(parser.push('\n'), [{ event: 'delta', data: '{"text":"一"}', id: '' }]);
  });

  it('accepts CRLF and CR line breaks, also when a CRLF is split between chunks', () => {
    assert.deepEqual(parseInPieces(['event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r']), [
      { event: 'a', data: '1', id: '' },
      { event: 'b', data: '2', id: '' },
    ]);
    // `\r` then `\n` in the next chunk is one line break, not an empty line that would end the event early.
    assert.deepEqual(parseInPieces(['data: x\r', '\ndata: y\r', '\n\r', '\n']), [{ event: 'message', data: 'x\ny', id: '' }]);
  });

  it('joins data lines with \\n and applies the field rules of the standard', () => {
    assert.deepEqual(parseInPieces(['data:no space\ndata:  two spaces\ndata\n\n']), [{ event: 'message', data: 'no space\n two spaces\n', id: '' }]);
  });

  it('skips comments, unknown fields and retry, and keeps the last id', () => {
    assert.deepEqual(parseInPieces([': keep-alive\nretry: 3000\nfoo: bar\nid: 7\nevent: delta\ndata: {}\n\nid: 8\0\ndata: 2\n\n']), [
      { event: 'delta', data: '{}', id: '7' },
      { event: 'message', data: '2', id: '7' },
    ]);
  });

  it('dispatches nothing for an event without data, and resets the event name after each block', () => {
    assert.deepEqual(parseInPieces(['event: ping\n\ndata: after\n\n']), [{ event: 'message', data: 'after', id: '' }]);
  });

  it('drops a byte-order mark at the start of the stream only', () => {
    assert.deepEqual(parseInPieces(['\uFEFF', 'data: a\n\ndata: \uFEFFb\n\n']), [
      { event: 'message', data: 'a', id: '' },
      { event: 'message', data: '\uFEFFb', id: '' },
    ]);
  });
});

describe('readEventStream', () => {
  it('decodes UTF-8 split inside a character and yields the events in order', async () => {
    const bytes = new TextEncoder().encode(STREAM);
    const split = bytes.indexOf(0xe6) + 1; // inside the first byte sequence of 数
    assert.deepEqual(await collect(bodyOf([bytes.slice(0, split), bytes.slice(split)])), EXPECTED);
  });

  it('drops an event left unfinished when the stream ends', async () => {
    const bytes = new TextEncoder().encode('data: complete\n\ndata: cut off');
    assert.deepEqual(await collect(bodyOf([bytes])), [{ event: 'message', data: 'complete', id: '' }]);
  });

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const body = bodyOf([new TextEncoder().encode('data: 1\n\ndata: 2\n\n')], () => {
      cancelled = true;
    });
    for await (const message of readEventStream(body)) {
      assert.equal(message.data, '1');
      break;
    }
    assert.equal(cancelled, true);
  });
});
