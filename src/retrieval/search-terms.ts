import { cjkBigrams } from '../text/bigrams.ts';

/** Bigram terms are marked so they never merge with a two-character word's statistics. */
export const BIGRAM_MARK = '\u00b7';

/** BM25 terms: jieba search-mode words plus marked CJK bigrams of the same normalised text; same at index and query time. */
export function withBigrams(words: readonly string[], normalisedText: string): string[] {
  return [...words, ...cjkBigrams(normalisedText).map((b) => BIGRAM_MARK + b)];
}

export function isBigramTerm(term: string): boolean {
  return term.startsWith(BIGRAM_MARK);
}
