import { bigramTerm, cjkBigrams } from '../text/bigrams.ts';

/** BM25 terms: jieba search-mode words plus marked CJK bigrams of the same normalised text; same at index and query time. */
export function withBigrams(words: readonly string[], normalisedText: string): string[] {
  return [...words, ...cjkBigrams(normalisedText).map(bigramTerm)];
}
