/** Okapi BM25 as pure functions, so scoring can be tested and tuned apart from index state. */

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Readonly<Bm25Params> = Object.freeze({ k1: 1.2, b: 0.75 });

/** Lucene's non-negative IDF. */
export function bm25Idf(docFrequency: number, docCount: number): number {
  return Math.log(1 + (docCount - docFrequency + 0.5) / (docFrequency + 0.5));
}

export function bm25TermScore(
  termFrequency: number,
  idf: number,
  docLength: number,
  averageDocLength: number,
  params: Bm25Params = DEFAULT_BM25,
): number {
  const lengthNorm = 1 - params.b + params.b * (docLength / (averageDocLength || 1));
  return (idf * termFrequency * (params.k1 + 1)) / (termFrequency + params.k1 * lengthNorm);
}
