import { LRUCache } from 'lru-cache';
import { isLatinScript } from '../answer/question-analysis.ts';
import type { Retriever, SearchResult } from '../types.ts';

/** Turns a question into the documents' language; null when it cannot or `signal` fires (the question is then searched as it is). */
export type QueryTranslator = (query: string, signal?: AbortSignal) => Promise<string | null>;

const TRANSLATIONS_KEPT = 1000;

/**
 * Cross-language retrieval: a question in Latin script (English …) over Chinese documents shares no terms
 * with them, so it is translated first and the translation is searched. Other questions pass straight through.
 */
export class TranslatingRetriever implements Retriever {
  private readonly translations = new LRUCache<string, string>({ max: TRANSLATIONS_KEPT });

  constructor(
    private readonly inner: Retriever,
    private readonly translate: QueryTranslator,
  ) {}

  async searchQuery(query: string, signal?: AbortSignal): Promise<string> {
    if (!isLatinScript(query)) return query;
    const known = this.translations.get(query);
    if (known !== undefined) return known;
    const translated = await this.translate(query, signal);
    // Only real translations are kept: a model that failed once may answer the next time.
    if (translated === null) return query;
    this.translations.set(query, translated);
    return translated;
  }

  async search(query: string, k: number, options: { signal?: AbortSignal } = {}): Promise<SearchResult[]> {
    return this.inner.search(await this.searchQuery(query, options.signal), k);
  }
}
