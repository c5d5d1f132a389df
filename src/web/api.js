import { readEventStream } from './sse-parser.js';

/** A failed request, with the server's error code (or NETWORK / BAD_RESPONSE / INTERRUPTED from the page). */
export class ApiError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

async function errorFromResponse(response) {
  try {
    const body = await response.json();
    if (body && body.error && typeof body.error.code === 'string') {
      return new ApiError(body.error.code, String(body.error.message ?? ''), response.status);
    }
  } catch {
    // Not our JSON error shape (e.g. a proxy's HTML page): fall through to the status line.
  }
  return new ApiError(`HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`, response.status);
}

async function send(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', String(error && error.message ? error.message : error));
  }
}

/** The service's HTTP API; `apiKey()` is read on every request so a key saved later applies at once. */
export function createApi(apiKey) {
  function headers(extra = {}) {
    const key = apiKey();
    return key ? { ...extra, authorization: `Bearer ${key}` } : extra;
  }

  /** Asks with `stream: true` and yields `{ event, data }` with data parsed, until the stream ends. */
  async function* ask(question, history, signal) {
    const response = await send('/v1/ask', {
      method: 'POST',
      headers: headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
      body: JSON.stringify({ question, stream: true, history }),
      signal,
    });
    if (!response.ok) throw await errorFromResponse(response);
    if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream') || !response.body) {
      throw new ApiError('BAD_RESPONSE', `unexpected content-type ${response.headers.get('content-type')}`, response.status);
    }
    for await (const message of readEventStream(response.body)) {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch {
        throw new ApiError('BAD_RESPONSE', `event "${message.event}" does not carry JSON`);
      }
      yield { event: message.event, data };
    }
  }

  /** The cited span in its surrounding text: `{ source, before, text, after }`. */
  async function context(citation, window, signal) {
    const query = new URLSearchParams({ source: citation.source, start: String(citation.start), end: String(citation.end), window: String(window) });
    const response = await send(`/v1/context?${query}`, { headers: headers({ accept: 'application/json' }), signal });
    if (!response.ok) throw await errorFromResponse(response);
    return response.json();
  }

  /** Example questions made from the documents: `[{ question, source }]`. */
  async function examples(signal) {
    const response = await send('/v1/examples', { headers: headers({ accept: 'application/json' }), signal });
    if (!response.ok) throw await errorFromResponse(response);
    return (await response.json()).examples;
  }

  return { ask, context, examples };
}

/** What to tell the reader for each error code; the server's own message is shown beneath it. */
const MESSAGES = {
  UNAUTHORIZED: '需要有效的 API 密钥：请在「设置」中填写后重试。',
  RATE_LIMITED: '请求太频繁，请稍等片刻再试。',
  NOT_READY: '文档索引仍在加载，请稍后重试。',
  EMPTY_QUESTION: '问题是空的，请输入问题。',
  QUESTION_TOO_LONG: '问题太长（最多 2000 字），请缩短后再试。',
  PAYLOAD_TOO_LARGE: '请求太大：请缩短问题，或开始新的对话。',
  INVALID_REQUEST: '请求格式不正确。',
  NETWORK: '无法连接到服务，请检查网络后重试。',
  INTERRUPTED: '回答中断了，请重试。',
  BAD_RESPONSE: '服务返回了无法识别的内容。',
  INTERNAL: '服务出错了，请稍后重试。',
};

export function readableMessage(error) {
  return MESSAGES[error.code] ?? (error.status >= 500 ? MESSAGES.INTERNAL : '请求失败。');
}
