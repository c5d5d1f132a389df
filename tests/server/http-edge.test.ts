import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { AskEvent, QaService } from '../../src/types.ts';
import { FakeQaService } from './fake-qa-service.ts';
import { testConfig } from './test-app.ts';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** Sends raw bytes, then reads until the server closes the connection (or `ms` pass). */
function rawExchange(port: number, chunks: (string | Buffer)[], options: { ms?: number; keepOpen?: boolean } = {}): Promise<{ text: string; closed: boolean; elapsed: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false, elapsed: Date.now() - started });
    }, options.ms ?? 5000);
    socket.on('data', (data) => (text += data.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true, elapsed: Date.now() - started });
    });
    socket.on('error', () => undefined);
    for (const chunk of chunks) socket.write(chunk);
  });
}

const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as unknown;
const statusOf = (response: string) => Number(response.split(' ')[1]);

/** A QaService whose stream takes `ms` to produce its first event. */
function slowStart(ms: number): QaService {
  const fake = new FakeQaService();
  return {
    search: (q, k) => fake.search(q, k),
    ask: (q, o) => fake.ask(q, o),
    async *askStream(question, options): AsyncIterable<AskEvent> {
      await sleep(ms);
      yield* fake.askStream(question, options);
    },
  };
}

describe('the HTTP edge', () => {
  let app: FastifyInstance;
  let port: number;
  const lines: LogLine[] = [];
  before(async () => {
    app = await buildApp({
      config: testConfig({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '1000' }),
      qa: () => slowStart(150),
      logger: { level: 'info', stream: { write: (line: string) => lines.push(JSON.parse(line) as LogLine) } },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  after(() => app.close());

  const framing: Record<string, string> = {
    'a repeated Content-Length': 'POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
    'Transfer-Encoding with Content-Length': 'POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    'a request line that is not HTTP': 'GARBAGE\r\n\r\n',
  };
  for (const [what, request] of Object.entries(framing)) {
    it(`answers ${what} with 400 BAD_HTTP in the error shape, and closes`, async () => {
      const { text, closed } = await rawExchange(port, [request]);
      assert.equal(statusOf(text), 400, text);
      assert.deepEqual(bodyOf(text), { error: { code: 'BAD_HTTP', message: 'The request is not valid HTTP/1.1 (e.g. a repeated Content-Length, or Transfer-Encoding with Content-Length)' } });
      assert.ok(closed);
    });
  }

  it('answers oversized headers with 431 HEADERS_TOO_LARGE', async () => {
    const { text } = await rawExchange(port, [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
    assert.equal(statusOf(text), 431, text);
    assert.equal((bodyOf(text) as { error: { code: string } }).error.code, 'HEADERS_TOO_LARGE');
  });

  it('closes a stalled upload with 408 REQUEST_TIMEOUT once REQUEST_TIMEOUT_MS has passed', async () => {
    const { text, closed, elapsed } = await rawExchange(port, ['POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"que'], { ms: 4000 });
    assert.ok(closed, 'the connection was closed');
    assert.ok(elapsed < 2500, `closed after ${elapsed} ms`);
    assert.equal(statusOf(text), 408, text);
    assert.equal((bodyOf(text) as { error: { code: string } }).error.code, 'REQUEST_TIMEOUT');
  });

  it('closes a connection whose headers stall with 408', async () => {
    const { text, closed, elapsed } = await rawExchange(port, ['POST /v1/ask HTTP/1.1\r\nHost: x\r\n'], { ms: 4000 });
    assert.ok(closed && elapsed < 2500, `closed: ${closed} after ${elapsed} ms`);
    assert.equal(statusOf(text), 408, text);
  });

  it('refuses a body declared in another charset with 415, and invalid UTF-8 with 400', async () => {
    const gbk = Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x73, 0x74, 0x69, 0x6f, 0x6e, 0x22, 0x3a, 0x22, 0xca, 0xfd, 0xbe, 0xdd, 0x22, 0x7d]);
    const declared = await app.inject({ method: 'POST', url: '/v1/ask', headers: { 'content-type': 'application/json; charset=GBK' }, payload: gbk });
    assert.equal(declared.statusCode, 415);
    assert.equal(declared.json().error.code, 'UNSUPPORTED_CHARSET');
    const undeclared = await app.inject({ method: 'POST', url: '/v1/ask', headers: { 'content-type': 'application/json' }, payload: gbk });
    assert.equal(undeclared.statusCode, 400);
    assert.equal(undeclared.json().error.code, 'INVALID_ENCODING');
    const utf8 = await app.inject({ method: 'POST', url: '/v1/ask', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: JSON.stringify({ question: '数字经济健康发展' }) });
    assert.equal(utf8.statusCode, 200);
    const bom = await app.inject({ method: 'POST', url: '/v1/ask', headers: { 'content-type': 'application/json' }, payload: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ question: '数字经济健康发展' }))]) });
    assert.equal(bom.statusCode, 200);
  });

  it('logs a client that leaves mid-upload or before the first streamed event once, at info, without a stack', async () => {
    lines.length = 0;
    await rawExchange(port, ['POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"que'], { ms: 100 });
    await rawExchange(port, [`POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength('{"question":"数字经济","stream":true}')}\r\n\r\n{"question":"数字经济","stream":true}`], { ms: 50 });
    await sleep(400);
    const errors = lines.filter((line) => line.level >= 50);
    assert.deepEqual(errors, []);
    const gone = lines.filter((line) => /client (disconnected|went away)/.test(line.msg));
    assert.equal(gone.length, 2, JSON.stringify(lines, null, 1));
    assert.ok(gone.every((line) => line.level === 30 && line.err === undefined));
  });

  it('never writes a secret passed in the query string to the log', async () => {
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/v1/models?api_key=sk-query-secret&access_token=tok-secret&x=1' });
    const logged = JSON.stringify(lines);
    assert.ok(!logged.includes('sk-query-secret') && !logged.includes('tok-secret'), logged);
    assert.ok(logged.includes('api_key=[redacted]'), logged);
  });
});
