import type { PageLocator } from '../index/page-locator.ts';
import type { Answerer, AskEvent, AskOptions, AskResponse, ChatTurn, PageLocation, PassageContext, QaService, Retriever, SearchResult } from '../types.ts';

/** Turns a follow-up into a question that stands alone; the identity when there is no history. `signal` cancels an LLM call (the rewriter then falls back). */
export type QuestionRewriter = (question: string, history: readonly ChatTurn[], signal?: AbortSignal) => Promise<string>;

export const keepQuestion: QuestionRewriter = async (question) => question;

/** Where the documents' decoded originals are read from (the index's OriginalStore). */
export interface OriginalsReader {
  read(source: string): Promise<string | undefined>;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `text.slice(from, to)` widened or narrowed so that neither end splits a surrogate pair. */
function sliceWhole(text: string, from: number, to: number): string {
  const start = from > 0 && isLowSurrogate(text.charCodeAt(from)) ? from + 1 : from;
  const end = to < text.length && isLowSurrogate(text.charCodeAt(to)) ? to - 1 : to;
  return text.slice(start, Math.max(start, end));
}

export interface QaServiceExtras {
  /** The time all LLM steps of one request share; unlimited when absent (no LLM). */
  llmBudgetMs?: number | undefined;
  /** Pages of paged documents (PDF), added to every span. */
  pages?: PageLocator;
}

/**
 * Retrieve, then answer. Only the (rewritten) new question is searched: the history decides what the
 * question means, never what is retrieved.
 */
export class RetrievalQaService implements QaService {
  constructor(
    private readonly retriever: Retriever,
    private readonly answerer: Answerer,
    private readonly defaultK: number,
    private readonly rewrite: QuestionRewriter = keepQuestion,
    private readonly originals?: OriginalsReader,
    private readonly extras: QaServiceExtras = {},
  ) {}

  async search(query: string, k: number): Promise<SearchResult[]> {
    return this.located(await this.retriever.search(query, k));
  }

  /**
   * The located copy of each (cached, immutable) result list: a repeated search then returns the same list,
   * whose serialized body the search route keeps.
   */
  private readonly locatedLists = new WeakMap<readonly object[], object[]>();

  /** Spans of paged documents get their page (and whether it was read by OCR); lists without any come back as they are. */
  private located<T extends { source: string; start: number } & PageLocation>(spans: T[]): T[] {
    const pages = this.extras.pages;
    if (!pages) return spans;
    let out = this.locatedLists.get(spans) as T[] | undefined;
    if (!out) {
      const located = spans.map((span) => Object.assign({}, span, pages.locate(span.source, span.start)));
      out = located.some((span) => span.page !== undefined) ? located : spans;
      this.locatedLists.set(spans, out);
    }
    return out;
  }

  private locatedResponse(response: AskResponse, question: string): AskResponse {
    return { ...response, citations: this.located(response.citations), question };
  }

  async context(source: string, start: number, end: number, window: number): Promise<PassageContext | null> {
    const original = await this.originals?.read(source);
    if (original === undefined || start < 0 || end < start || end > original.length) return null;
    return {
      source,
      ...this.extras.pages?.locate(source, start),
      // The context never cuts a character in half; the cited span itself is returned exactly as indexed.
      before: sliceWhole(original, Math.max(0, start - window), start),
      text: original.slice(start, end),
      after: sliceWhole(original, end, end + window),
    };
  }

  /** One deadline for every LLM step of the request, which the client's leaving also triggers. */
  private withLlmDeadline(options: AskOptions): AskOptions {
    const budgetMs = this.extras.llmBudgetMs;
    if (options.llmSignal || budgetMs === undefined) return options;
    const budget = deadline(budgetMs);
    return { ...options, llmSignal: options.signal ? AbortSignal.any([options.signal, budget]) : budget };
  }

  private async prepare(question: string, asked: AskOptions) {
    const options = this.withLlmDeadline(asked);
    const standalone = options.history?.length ? await this.rewrite(question.trim(), options.history, options.llmSignal) : question.trim();
    options.signal?.throwIfAborted();
    const passages = this.located(await this.retriever.search(standalone, options.k ?? this.defaultK, { signal: options.llmSignal }));
    options.signal?.throwIfAborted();
    return { standalone, passages, options };
  }

  async ask(question: string, asked: AskOptions = {}): Promise<AskResponse> {
    const { standalone, passages, options } = await this.prepare(question, asked);
    return this.locatedResponse(await this.answerer.answer(standalone, passages, options), standalone);
  }

  async *askStream(question: string, asked: AskOptions = {}): AsyncIterable<AskEvent> {
    const { standalone, passages, options } = await this.prepare(question, asked);
    for await (const event of this.answerer.stream(standalone, passages, options)) {
      if (event.type === 'done') yield { type: 'done', response: this.locatedResponse(event.response, standalone) };
      else if (event.type === 'citations') yield { type: 'citations', citations: this.located(event.citations) };
      else yield event;
    }
  }
}

/**
 * A signal that aborts after `ms`. Not AbortSignal.timeout: inside AbortSignal.any, Node 20 can collect a timeout
 * signal before it fires (nodejs/node#57736), and the request then outlives its deadline; this timer holds its
 * controller until it fires. Unref'd, so it never keeps the process alive.
 */
export function deadline(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
  return controller.signal;
}
