import { bm25Idf, bm25TermScore, DEFAULT_BM25, type Bm25Params } from './bm25.ts';
import type { Bm25Segment } from './bm25-segment.ts';

const MAX_QUERY_TERMS = 32;

export interface Bm25Hit {
  doc: number;
  score: number;
  matchedTerms: string[];
}

/** BM25 over all segments with corpus-wide statistics, so results do not depend on how the index was cut. */
export class Bm25Index {
  readonly documentCount: number;
  private readonly averageLength: number;

  constructor(
    readonly segments: readonly Bm25Segment[],
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    this.documentCount = segments.reduce((s, g) => s + g.documentCount, 0);
    this.averageLength = this.documentCount ? segments.reduce((s, g) => s + g.totalLength, 0) / this.documentCount : 0;
  }

  documentFrequency(term: string): number {
    return this.segments.reduce((s, g) => s + g.documentFrequency(term), 0);
  }

  private segmentOf(doc: number): Bm25Segment | undefined {
    return this.segments.find((g) => doc >= g.base && doc < g.base + g.documentCount);
  }

  lengthOf(doc: number): number {
    const segment = this.segmentOf(doc);
    return segment ? segment.lengths[doc - segment.base]! : 0;
  }

  /** A document's (term, tf) pairs, for carrying it into a new index; only one segment's document-major copy is kept at a time. */
  termsOf(doc: number): [string, number][] {
    const segment = this.segmentOf(doc);
    if (!segment) return [];
    if (segment !== this.turned) {
      this.turned?.releaseTermsOf();
      this.turned = segment;
    }
    return segment.termsOf(doc);
  }

  private turned: Bm25Segment | undefined;

  get termCount(): number {
    return this.segments.reduce((s, g) => s + g.terms.length, 0);
  }

  search(queryTerms: readonly string[], k: number): Bm25Hit[] {
    const unique = [...new Set(queryTerms)].filter((t) => this.documentFrequency(t) > 0).slice(0, MAX_QUERY_TERMS);
    const scores = new Map<number, { score: number; mask: number }>();
    unique.forEach((term, bit) => {
      const idf = bm25Idf(this.documentFrequency(term), this.documentCount);
      for (const segment of this.segments) {
        segment.forEachDocumentWith(term, (doc, tf, length) => {
          const s = bm25TermScore(tf, idf, length, this.averageLength, this.params);
          const entry = scores.get(doc);
          if (entry) {
            entry.score += s;
            entry.mask |= 1 << bit;
          } else scores.set(doc, { score: s, mask: 1 << bit });
        });
      }
    });
    return [...scores]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, k)
      .map(([doc, { score, mask }]) => ({ doc, score, matchedTerms: unique.filter((_, bit) => mask & (1 << bit)) }));
  }
}
