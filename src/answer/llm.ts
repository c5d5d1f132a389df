import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.ts';
import type { Answerer, AskEvent, AskOptions, AskResponse, Citation, SearchResult } from '../types.ts';
import { formatPassagesForPrompt, numberPassages, renumberCitations, rewriteMarkers } from './citations.ts';
import { NO_ANSWER_SENTINEL, prompts as defaultPrompts, type PromptLibrary } from './prompts.ts';
import { narrowCitations } from './narrow-citations.ts';
import { noAnswerResponse } from './no-answer.ts';
import { isLatinScript } from './question-analysis.ts';
import { AnswerVerifier, type VerificationResult } from './verify.ts';

export type LlmFailureReason = 'timeout' | 'http_status' | 'connection' | 'malformed' | 'empty' | 'other';

/** The model could not give an answer: the caller falls back to another answerer. */
export class LlmUnavailableError extends Error {
  readonly reason: LlmFailureReason;
  readonly status: number | undefined;
  constructor(reason: LlmFailureReason, detail: string, options?: { cause?: unknown; status?: number }) {
    super(`LLM unavailable (${reason}): ${detail}`, options);
    this.name = 'LlmUnavailableError';
    this.reason = reason;
    this.status = options?.status;
  }
}

export interface LlmSettings {
  model: string;
  apiKey?: string;
  baseURL?: string;
  timeoutMs: number;
  temperature: number;
  /** Retries of a failed request. 0 by default: the fallback answers at once instead of the user waiting twice. */
  maxRetries?: number;
}

export function llmSettingsFromConfig(config: Config): LlmSettings {
  if (!config.LLM_MODEL) throw new Error('LLM_MODEL is not set: set it (and OPENAI_API_KEY or OPENAI_BASE_URL) to answer with an LLM');
  return {
    model: config.LLM_MODEL,
    ...(config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {}),
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    timeoutMs: config.LLM_TIMEOUT_MS,
    temperature: config.LLM_TEMPERATURE,
  };
}

export function createChatModel(settings: LlmSettings): ChatOpenAI {
  return new ChatOpenAI({
    model: settings.model,
    // A local OpenAI-compatible server needs no key, but the client refuses to start without one.
    apiKey: settings.apiKey ?? 'unused',
    configuration: settings.baseURL ? { baseURL: settings.baseURL } : {},
    temperature: settings.temperature,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries ?? 0,
  });
}

export interface LlmAnswererOptions {
  llm: BaseChatModel;
  /** Longest wait for the whole reply (answer) or between two streamed chunks (stream). */
  timeoutMs: number;
  /** Answers instead when the model is unavailable; without one, `LlmUnavailableError` is thrown. */
  fallback?: Answerer;
  /** Told each time the fallback answers instead, for logs and metrics. */
  onFallback?: (failure: LlmUnavailableError) => void;
  prompts?: PromptLibrary;
}

/** True once `text` starts with the sentinel; undefined while it could still become it. */
function startsWithSentinel(text: string): boolean | undefined {
  const head = text.replace(/^[\s*#`>_]+/, '').slice(0, NO_ANSWER_SENTINEL.length);
  if (head.length < NO_ANSWER_SENTINEL.length && NO_ANSWER_SENTINEL.startsWith(head)) return undefined;
  return head === NO_ANSWER_SENTINEL;
}

function classify(error: unknown, timedOut: boolean): LlmUnavailableError {
  if (error instanceof LlmUnavailableError) return error;
  const e = (error ?? {}) as { name?: string; message?: string; status?: unknown; cause?: { code?: string } };
  const detail = e.message ?? String(error);
  if (timedOut || e.name === 'TimeoutError') return new LlmUnavailableError('timeout', detail, { cause: error });
  if (typeof e.status === 'number') return new LlmUnavailableError('http_status', detail, { cause: error, status: e.status });
  if (error instanceof SyntaxError || /json/i.test(detail)) return new LlmUnavailableError('malformed', detail, { cause: error });
  if (e.name === 'APIConnectionError' || /connection|ECONN|socket|fetch failed|terminated/i.test(detail)) {
    return new LlmUnavailableError('connection', detail, { cause: error });
  }
  return new LlmUnavailableError('other', detail, { cause: error });
}

/** Aborts when the caller aborts or when no progress was made for `ms`; `touch()` restarts the clock. */
class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  readonly signal: AbortSignal;
  constructor(
    private readonly ms: number,
    callerSignal?: AbortSignal,
  ) {
    this.signal = callerSignal ? AbortSignal.any([callerSignal, this.controller.signal]) : this.controller.signal;
    this.touch();
  }
  get expired(): boolean {
    return this.controller.signal.aborted;
  }
  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new Error(`no reply within ${this.ms} ms`)), this.ms);
  }
  clear(): void {
    clearTimeout(this.timer);
  }
}

/**
 * Answers with a chat model from numbered passages, then keeps only sentences the cited passages support.
 *
 * Streaming: the reply is checked sentence by sentence, so only verified sentences are sent as deltas. Their markers
 * use the numbers of the `citations` event (all passages, as numbered in the prompt). The `done` response is final:
 * markers renumbered 1..m in order of first use and only the cited passages kept, exactly what `answer()` returns.
 * Clients show the deltas while they arrive and replace them with `done`. If the model fails mid-stream, the fallback's
 * own `citations`, deltas and `done` follow; a second `citations` event means the answer starts over.
 */
export class LlmAnswerer implements Answerer {
  readonly mode = 'llm' as const;
  readonly llm: BaseChatModel;
  private readonly timeoutMs: number;
  private readonly fallback: Answerer | undefined;
  private readonly onFallback: ((failure: LlmUnavailableError) => void) | undefined;
  private readonly prompts: PromptLibrary;

  constructor(options: LlmAnswererOptions) {
    this.llm = options.llm;
    this.timeoutMs = options.timeoutMs;
    this.fallback = options.fallback;
    this.onFallback = options.onFallback;
    this.prompts = options.prompts ?? defaultPrompts;
  }

  async answer(question: string, passages: SearchResult[], options: AskOptions): Promise<AskResponse> {
    const citations = numberPassages(passages);
    if (citations.length === 0) return this.noAnswer(question, passages, options, undefined);
    const deadline = new Deadline(this.timeoutMs, options.llmSignal ?? options.signal);
    let raw: string;
    try {
      const reply = await this.llm.invoke(this.messages(question, citations), { signal: deadline.signal });
      raw = reply.text;
      if (raw.trim() === '') throw new LlmUnavailableError('empty', 'the reply has no text');
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const failure = classify(error, deadline.expired || options.llmSignal?.aborted === true);
      if (!this.fallback) throw failure;
      this.onFallback?.(failure);
      return withFallbackMark(await this.fallback.answer(question, passages, options), failure, options);
    } finally {
      deadline.clear();
    }
    if (startsWithSentinel(raw)) return this.noAnswer(question, passages, options, raw);
    const verifier = new AnswerVerifier(citations, { crossLanguage: isLatinScript(question) });
    verifier.push(raw);
    verifier.finish();
    return this.finalResponse(question, passages, citations, verifier.result(), raw, options);
  }

  async *stream(question: string, passages: SearchResult[], options: AskOptions): AsyncGenerator<AskEvent> {
    const citations = numberPassages(passages);
    if (citations.length === 0) {
      yield* this.noAnswerEvents(this.noAnswer(question, passages, options, undefined));
      return;
    }
    const deadline = new Deadline(this.timeoutMs, options.llmSignal ?? options.signal);
    const verifier = new AnswerVerifier(citations, { crossLanguage: isLatinScript(question) });
    const known = new Set(citations.map((c) => c.n));
    const keepKnown = (text: string) => rewriteMarkers(text, (n) => (known.has(n) ? n : undefined));
    let raw = '';
    let noAnswer: boolean | undefined;
    try {
      const chunks = await this.llm.stream(this.messages(question, citations), { signal: deadline.signal });
      for await (const chunk of chunks) {
        deadline.touch();
        raw += chunk.text;
        let ready = '';
        if (noAnswer === undefined) {
          // Nothing is shown until the reply is known not to be the no-answer sentinel.
          noAnswer = startsWithSentinel(raw);
          if (noAnswer === false) {
            yield { type: 'citations', citations };
            ready = verifier.push(raw);
          }
        } else if (!noAnswer) {
          ready = verifier.push(chunk.text);
        }
        const delta = keepKnown(ready);
        if (delta) yield { type: 'delta', text: delta };
        // Time spent by the consumer between pulls is not the model's.
        deadline.touch();
      }
      if (deadline.expired || options.llmSignal?.aborted) throw new LlmUnavailableError('timeout', `no reply within ${this.timeoutMs} ms`);
      if (raw.trim() === '') throw new LlmUnavailableError('empty', 'the reply has no text');
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const failure = classify(error, deadline.expired || options.llmSignal?.aborted === true);
      deadline.clear();
      if (!this.fallback) throw failure;
      this.onFallback?.(failure);
      for await (const event of this.fallback.stream(question, passages, options)) {
        yield event.type === 'done' ? { type: 'done', response: withFallbackMark(event.response, failure, options) } : event;
      }
      return;
    } finally {
      deadline.clear();
    }
    if (noAnswer !== false) {
      // A reply shorter than the sentinel that matched a prefix of it (e.g. just "NO") says nothing: no answer too.
      yield* this.noAnswerEvents(this.noAnswer(question, passages, options, raw));
      return;
    }
    const rest = keepKnown(verifier.finish());
    if (rest) yield { type: 'delta', text: rest };
    const response = this.finalResponse(question, passages, citations, verifier.result(), raw, options);
    if (response.status === 'no_answer') yield { type: 'delta', text: `${verifier.result().text ? '\n\n' : ''}${response.answer}` };
    yield { type: 'done', response };
  }

  private messages(question: string, citations: readonly Citation[]): BaseMessage[] {
    return [
      new SystemMessage(this.prompts.render('answer-system', {})),
      new HumanMessage(this.prompts.render('answer-user', { passages: formatPassagesForPrompt(citations), question })),
    ];
  }

  private finalResponse(
    question: string,
    passages: readonly SearchResult[],
    citations: Citation[],
    verification: VerificationResult,
    raw: string,
    options: AskOptions,
  ): AskResponse {
    const renumbered = renumberCitations(verification.text, citations);
    renumbered.citations = narrowCitations(renumbered.answer, renumbered.citations);
    // Kept text citing nothing (only connectives or "not covered" notes) answers nothing.
    if (renumbered.citations.length === 0) return this.noAnswer(question, passages, options, raw, verification);
    return {
      status: 'answered',
      answer: renumbered.answer,
      mode: 'llm',
      citations: renumbered.citations,
      question,
      ...(options.debug ? { debug: { unsupported: verification.unsupported, raw } } : {}),
    };
  }

  /** The shared no-answer reply (closest passages, message in the question's language); the model's words go to debug. */
  private noAnswer(
    question: string,
    passages: readonly SearchResult[],
    options: AskOptions,
    raw: string | undefined,
    verification?: VerificationResult,
  ): AskResponse {
    const debug = options.debug ? { unsupported: verification?.unsupported ?? [], raw: raw ?? null } : undefined;
    return noAnswerResponse(question, passages, 'llm', debug);
  }

  private *noAnswerEvents(response: AskResponse): Generator<AskEvent> {
    yield { type: 'citations', citations: response.citations };
    yield { type: 'delta', text: response.answer };
    yield { type: 'done', response };
  }
}

function withFallbackMark(response: AskResponse, failure: LlmUnavailableError, options: AskOptions): AskResponse {
  const marked: AskResponse = { ...response, fallback: 'llm_unavailable' };
  if (options.debug) marked.debug = { ...response.debug, llmError: { reason: failure.reason, message: failure.message } };
  return marked;
}

/** The LLM answerer configured from the environment; `fallback` answers whenever the model cannot. */
export function createLlmAnswerer(
  config: Config,
  options: Pick<LlmAnswererOptions, 'fallback' | 'onFallback'> = {},
): LlmAnswerer {
  const settings = llmSettingsFromConfig(config);
  return new LlmAnswerer({ ...options, llm: createChatModel(settings), timeoutMs: settings.timeoutMs });
}
