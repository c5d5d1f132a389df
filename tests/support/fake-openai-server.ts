/**
 * A real HTTP server on 127.0.0.1 speaking enough of the OpenAI API for the clients the product uses:
 * POST /v1/chat/completions (plain and SSE streaming), POST /v1/embeddings (float and base64), GET /v1/models.
 * Each test scripts the replies and reads back what the client sent.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How a reply goes wrong: an HTTP error status, no reply at all, a dropped connection, a body that is not
 * JSON, or headers (and part of the body) sent and then nothing more (`stall`).
 */
export type FailureMode = 'status' | 'hang' | 'destroy' | 'malformed' | 'stall';

export interface ChatReplySpec {
  /** The reply's message content; '' gives an empty reply. */
  text?: string;
  fail?: FailureMode;
  /** Status for `fail: 'status'`; 500 unless told. */
  status?: number;
  /** Streaming only: content chunks sent before the failure. */
  failAfterChunks?: number;
  /** Characters per streamed content chunk; 3 unless told. */
  chunkSize?: number;
  /** Wait this long before each streamed content chunk, or between 16-byte pieces of a plain reply (a trickling upstream). */
  chunkDelayMs?: number;
}

/** A string is shorthand for `{ text }`. */
export type ChatReply = string | ChatReplySpec;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface ChatMessage {
  role: string;
  content: string;
}

export interface FakeServerScript {
  chat?: (request: RecordedRequest) => ChatReply | Promise<ChatReply>;
  /** Vector for one input; deterministic character hashing unless told. */
  embed?: (input: string, dimensions: number) => number[];
  /** A failure for embeddings requests instead of vectors. */
  embeddingsFailure?: (request: RecordedRequest) => ChatReplySpec | undefined;
}

export interface FakeOpenAiServer {
  /** Base URL to give the client, ending in `/v1`. */
  readonly baseURL: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Replaces the script for the following requests. */
  script(script: FakeServerScript): void;
  /** Requests to one path, in order. */
  requestsTo(path: string): RecordedRequest[];
  /** Requests whose connection is still open: a client that cancels its calls leaves none behind. */
  openRequests(): number;
  close(): Promise<void>;
}

export const FAKE_MODEL = 'fake-chat-model';
const DEFAULT_DIMENSIONS = 16;

/** The text of every message of a recorded chat request, for assertions on the prompt. */
export function messagesOf(request: RecordedRequest): ChatMessage[] {
  return (request.body?.messages ?? []).map((m: { role: string; content: unknown }) => ({
    role: m.role,
    content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
  }));
}

/** Unit-length vector from character hashing: equal texts give equal vectors, different texts differ. */
export function hashEmbedding(input: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const ch of input) {
    const code = ch.codePointAt(0) as number;
    v[(code * 2654435761) % dimensions]! += 1;
    v[(code * 40503 + 17) % dimensions]! += 0.5;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A JSON reply sent a few bytes at a time, `delayMs` apart (a trickling upstream). */
async function trickleJson(res: ServerResponse, body: unknown, delayMs: number): Promise<void> {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': text.length });
  for (let i = 0; i < text.length && !res.destroyed; i += 16) {
    res.write(text.subarray(i, i + 16));
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  res.end();
}

function chunkText(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/** Ends a reply the scripted way; true when it did (the caller then sends nothing more). */
function fail(res: ServerResponse, spec: ChatReplySpec): boolean {
  switch (spec.fail) {
    case undefined:
      return false;
    case 'status':
      if (res.headersSent) res.socket?.destroy();
      else sendJson(res, spec.status ?? 500, { error: { message: 'scripted failure', type: 'server_error', code: null } });
      return true;
    case 'hang':
      return true;
    case 'stall':
      // Mid-stream: the chunks so far, then silence. Otherwise: the headers and the start of the body.
      if (!res.headersSent) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id": "chatcmpl-fake", "choices": [');
      }
      return true;
    case 'destroy':
      res.socket?.destroy();
      return true;
    case 'malformed':
      if (res.headersSent) res.end('data: {"id": "broken", "choices": [\n\n');
      else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "broken", "choices": [');
      }
      return true;
  }
}

function usage(request: RecordedRequest, text: string) {
  const prompt = JSON.stringify(request.body?.messages ?? '').length;
  return { prompt_tokens: prompt, completion_tokens: Array.from(text).length, total_tokens: prompt + Array.from(text).length };
}

function completion(request: RecordedRequest, text: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.body?.model ?? FAKE_MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: usage(request, text),
  };
}

function streamChunk(request: RecordedRequest, delta: object, finishReason: string | null, extra: object = {}) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: request.body?.model ?? FAKE_MODEL,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...extra,
  };
}

async function streamReply(res: ServerResponse, request: RecordedRequest, spec: ChatReplySpec): Promise<void> {
  // A malformed stream is a broken SSE frame, so it needs the stream's headers first.
  if (spec.fail !== undefined && spec.fail !== 'malformed' && (spec.failAfterChunks ?? 0) === 0) {
    fail(res, spec);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const frame = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  frame(streamChunk(request, { role: 'assistant', content: '' }, null));
  const text = spec.text ?? '';
  const pieces = chunkText(text, spec.chunkSize ?? 3);
  for (const [index, piece] of pieces.entries()) {
    if (spec.fail !== undefined && index === (spec.failAfterChunks ?? 0)) break;
    if (spec.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, spec.chunkDelayMs));
    if (res.destroyed) return;
    frame(streamChunk(request, { content: piece }, null));
    // Separate TCP writes so the client really receives the reply piece by piece.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (fail(res, spec)) return;
  frame(streamChunk(request, {}, 'stop'));
  if (request.body?.stream_options?.include_usage) {
    res.write(`data: ${JSON.stringify({ ...streamChunk(request, {}, null), choices: [], usage: usage(request, text) })}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}

async function embeddingsReply(res: ServerResponse, request: RecordedRequest, script: FakeServerScript): Promise<void> {
  const failure = script.embeddingsFailure?.(request);
  if (failure && fail(res, failure)) return;
  const inputs: string[] = Array.isArray(request.body?.input) ? request.body.input : [request.body?.input ?? ''];
  const dimensions: number = request.body?.dimensions ?? DEFAULT_DIMENSIONS;
  const embed = script.embed ?? hashEmbedding;
  const base64 = request.body?.encoding_format === 'base64';
  sendJson(res, 200, {
    object: 'list',
    model: request.body?.model ?? 'fake-embedding-model',
    data: inputs.map((input, index) => {
      const vector = embed(input, dimensions);
      const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    }),
    usage: { prompt_tokens: inputs.join('').length, total_tokens: inputs.join('').length },
  });
}

export async function startFakeOpenAiServer(initial: FakeServerScript = {}): Promise<FakeOpenAiServer> {
  let script = initial;
  const requests: RecordedRequest[] = [];
  let open = 0;

  const server = createServer(async (req, res) => {
    open++;
    res.once('close', () => open--);
    const path = (req.url ?? '/').split('?')[0] as string;
    const raw = await readBody(req);
    let body: any = undefined;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        sendJson(res, 400, { error: { message: 'request body is not JSON', type: 'invalid_request_error' } });
        return;
      }
    }
    const request: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body };
    requests.push(request);

    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, { object: 'list', data: [{ id: FAKE_MODEL, object: 'model', created: 0, owned_by: 'fake' }] });
    } else if (req.method === 'POST' && path === '/v1/chat/completions') {
      const scripted = (await script.chat?.(request)) ?? 'OK';
      const spec: ChatReplySpec = typeof scripted === 'string' ? { text: scripted } : scripted;
      if (body?.stream) await streamReply(res, request, spec);
      else if (spec.chunkDelayMs && !spec.fail) await trickleJson(res, completion(request, spec.text ?? ''), spec.chunkDelayMs);
      else if (!fail(res, spec)) sendJson(res, 200, completion(request, spec.text ?? ''));
    } else if (req.method === 'POST' && path === '/v1/embeddings') {
      await embeddingsReply(res, request, script);
    } else {
      sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    script(next) {
      script = next;
    },
    requestsTo(p) {
      return requests.filter((r) => r.path === p);
    },
    openRequests: () => open,
    close() {
      // Hanging replies keep their sockets open; end them so close() returns.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A port nothing listens on: bound, read, then released. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
