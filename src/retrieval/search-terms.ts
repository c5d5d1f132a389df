import { cjkBigrams } from '../text/bigrams.ts';
import type { Tokenizer } from '../types.ts';

/** Bigram terms are marked so they never merge with a two-character word's statistics. */
export const BIGRAM_MARK = '\u00b7';

/** BM25 terms of a normalised text: jieba search-mode words plus marked CJK bigrams; same at index and query time. */
export function searchTerms(normalisedText: string, tokenizer: Tokenizer): string[] {
  return withBigrams(tokenizer.tokenize(normalisedText), normalisedText);
}

/** For callers that already have the words (ingest shares them with the embedder). */
export function withBigrams(words: readonly string[], normalisedText: string): string[] {
  return [...words, ...cjkBigrams(normalisedText).map((b) => BIGRAM_MARK + b)];
}

export function isBigramTerm(term: string): boolean {
  return term.startsWith(BIGRAM_MARK);
}
