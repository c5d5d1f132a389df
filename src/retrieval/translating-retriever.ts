import { LRUCache } from 'lru-cache';
import { isLatinScript } from '../answer/question-analysis.ts';
import type { Retriever, SearchResult } from '../types.ts';

/** Turns a question into the documents' language; gives the question back unchanged when it cannot. */
export type QueryTranslator = (query: string) => Promise<string>;

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

  async searchQuery(query: string): Promise<string> {
    if (!isLatinScript(query)) return query;
    let translated = this.translations.get(query);
    if (translated === undefined) this.translations.set(query, (translated = await this.translate(query)));
    return translated;
  }

  async search(query: string, k: number): Promise<SearchResult[]> {
    return this.inner.search(await this.searchQuery(query), k);
  }
}
