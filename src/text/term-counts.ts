import { cjkBigramKeys } from './bigrams.ts';

/**
 * A text's terms counted once, for every reader that weighs them by frequency (the BM25 builder, the local
 * embedder's features): each distinct word with its count, in first-seen order, and each distinct character
 * bigram (a key of `cjkBigramKeys`) with its count, in key order.
 */
export interface TermCounts {
  words: Map<string, number>;
  bigramKeys: Int32Array;
  bigramCounts: Uint32Array;
  /** Words and bigrams, repeats included. */
  length: number;
}

/** Counts words (repeats included) and bigram keys (any order); sorting a copy of the keys puts repeats together. */
export function countTerms(words: readonly string[], bigramKeys: Int32Array): TermCounts {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const sorted = bigramKeys.slice().sort();
  const keys = new Int32Array(sorted.length);
  const keyCounts = new Uint32Array(sorted.length);
  let distinct = 0;
  for (let i = 0; i < sorted.length; distinct++) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    keys[distinct] = sorted[i]!;
    keyCounts[distinct] = j - i;
    i = j;
  }
  return { words: counts, bigramKeys: keys.subarray(0, distinct), bigramCounts: keyCounts.subarray(0, distinct), length: words.length + bigramKeys.length };
}

/** The terms of a normalised text cut into `words`. */
export function countTextTerms(words: readonly string[], normalisedText: string): TermCounts {
  return countTerms(words, cjkBigramKeys(normalisedText));
}
