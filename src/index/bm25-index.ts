import { LRUCache } from 'lru-cache';
import { bm25Idf, DEFAULT_BM25, type Bm25Params } from './bm25.ts';
import { frequencyIn, type Bm25Segment } from './bm25-segment.ts';
import { encodeTerm } from './term-dictionary.ts';
import { TopK } from './top-k.ts';

const MAX_QUERY_TERMS = 32;

export interface Bm25Hit {
  doc: number;
  score: number;
  matchedTerms: string[];
}

/** A term's number in each segment (-1 where absent) and how many documents hold it. */
interface TermLookup {
  ids: Int32Array;
  df: number;
}

/** A query term with its corpus statistics; `bit` is its place among the kept terms in query order. */
interface QueryTerm {
  term: string;
  bit: number;
  idf: number;
  /** The most one posting can add: BM25 tends to idf · (k1 + 1) as tf grows. */
  bound: number;
  /** The term's number in each segment (-1 where absent). */
  ids: Int32Array;
}

/**
 * BM25 over all segments with corpus-wide statistics, so results do not depend on how the index was cut.
 * Search is exact top-k with MaxScore pruning (Turtle & Flood 1995): rare terms are scored over their whole
 * posting lists; once the frequent terms left could not lift an unseen document into the top k, they are
 * only looked up for the documents that still can make it. Hand-written: no package scores typed-array
 * postings this way.
 */
export class Bm25Index {
  readonly documentCount: number;
  private readonly averageLength: number;
  /** Per-document scratch for one search at a time (searches are synchronous). */
  private scratch: { scores: Float64Array; masks: Uint32Array; touched: Uint32Array } | null = null;

  constructor(
    readonly segments: readonly Bm25Segment[],
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    this.documentCount = segments.reduce((s, g) => s + g.documentCount, 0);
    this.averageLength = this.documentCount ? segments.reduce((s, g) => s + g.totalLength, 0) / this.documentCount : 0;
  }

  /** The answerer weighs every word of every passage it reads, and the same words come back query after query. */
  private readonly frequencies = new LRUCache<string, number>({ max: 100_000, memoMethod: (term) => this.lookedUp.get(term)?.df ?? this.frequencyOf(this.idsOf(term)) });
  /**
   * Query terms looked up in the segments' dictionaries: queries repeat the same words and bigrams, and a binary
   * search per segment for each was half of a search's BM25 time. Fewer entries than `frequencies`: each holds
   * a number per segment.
   */
  private readonly lookedUp = new LRUCache<string, TermLookup>({
    max: 20_000,
    memoMethod: (term) => {
      const ids = this.idsOf(term);
      return { ids, df: this.frequencyOf(ids) };
    },
  });

  /** The term's number in each segment (-1 where absent). */
  private idsOf(term: string): Int32Array {
    const encoded = encodeTerm(term);
    return Int32Array.from(this.segments, (g) => g.termId(encoded));
  }

  private frequencyOf(ids: Int32Array): number {
    return ids.reduce((sum, id, s) => sum + this.segments[s]!.frequencyOfTerm(id), 0);
  }

  documentFrequency(term: string): number {
    return this.frequencies.memo(term);
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

  close(): void {
    for (const segment of this.segments) segment.close();
  }

  get termCount(): number {
    return this.segments.reduce((s, g) => s + g.termCount, 0);
  }

  /** The distinct indexed query terms, at most {@link MAX_QUERY_TERMS}: the rarest (most informative) ones. */
  private queryTerms(queryTerms: readonly string[]): QueryTerm[] {
    const found: QueryTerm[] = [];
    for (const term of new Set(queryTerms)) {
      const { ids, df } = this.lookedUp.memo(term);
      if (!df) continue;
      const idf = bm25Idf(df, this.documentCount);
      found.push({ term, bit: 0, idf, bound: idf * (this.params.k1 + 1), ids });
    }
    const kept = new Set([...found].sort((a, b) => b.idf - a.idf).slice(0, MAX_QUERY_TERMS));
    const terms = found.filter((t) => kept.has(t));
    terms.forEach((t, bit) => (t.bit = bit));
    return terms;
  }

  search(queryTerms: readonly string[], k: number): Bm25Hit[] {
    const terms = this.queryTerms(queryTerms);
    if (!terms.length || k < 1) return [];
    const byBound = [...terms].sort((a, b) => b.bound - a.bound);
    // rest[i]: the most terms i… can still add to any document.
    const rest = new Float64Array(byBound.length + 1);
    for (let i = byBound.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + byBound[i]!.bound;
    this.scratch ??= { scores: new Float64Array(this.documentCount), masks: new Uint32Array(this.documentCount), touched: new Uint32Array(this.documentCount) };
    const { scores, masks, touched } = this.scratch;
    let count = 0;
    let best = 0;
    let threshold = 0;
    let i = 0;
    try {
      // Essential terms: every posting is scored, so any document may enter.
      for (; i < byBound.length; i++) {
        if (count >= k && best >= rest[i]!) {
          threshold = kthLargest(scores, touched, count, k);
          if (threshold > rest[i]!) break;
        }
        const term = byBound[i]!;
        const bit = 1 << term.bit;
        term.ids.forEach((id, s) => {
          if (id < 0) return;
          const segment = this.segments[s]!;
          const { base, lengths } = segment;
          const postings = segment.postingsOf(id);
          for (let p = 0; p < postings.length; p++) {
            const packed = postings[p]!;
            const local = packed >>> 8;
            const doc = base + local;
            if (masks[doc] === 0) touched[count++] = doc;
            const score = (scores[doc]! += this.termScore(packed & 0xff, term.idf, lengths[local]!));
            masks[doc]! |= bit;
            if (score > best) best = score;
          }
        });
      }
      // Non-essential terms: looked up only for the documents that can still reach the threshold.
      let candidates = Array.from(touched.subarray(0, count)).sort((a, b) => a - b);
      for (; i < byBound.length; i++) {
        candidates = candidates.filter((doc) => scores[doc]! + rest[i]! >= threshold);
        const term = byBound[i]!;
        // Candidates are in document order: each segment's list is read once, for the run of candidates in it.
        let segment = -1;
        let g: Bm25Segment | undefined;
        let postings: Uint32Array | null = null;
        for (const doc of candidates) {
          if (!g || doc >= g.base + g.documentCount) {
            do g = this.segments[++segment]!;
            while (doc >= g.base + g.documentCount);
            const id = term.ids[segment]!;
            postings = id < 0 ? null : g.postingsOf(id);
          }
          const tf = postings ? frequencyIn(postings, doc - g.base) : 0;
          if (!tf) continue;
          scores[doc]! += this.termScore(tf, term.idf, g.lengths[doc - g.base]!);
          masks[doc]! |= 1 << term.bit;
        }
        if (candidates.length >= k) threshold = Math.max(threshold, kthLargest(scores, Uint32Array.from(candidates), candidates.length, k));
      }
      const top = new TopK(k);
      for (let t = 0; t < count; t++) top.offer(touched[t]!, scores[touched[t]!]!);
      return top.sorted().map(({ id: doc, score }) => ({ doc, score, matchedTerms: terms.filter((t) => masks[doc]! & (1 << t.bit)).map((t) => t.term) }));
    } finally {
      for (let t = 0; t < count; t++) {
        scores[touched[t]!] = 0;
        masks[touched[t]!] = 0;
      }
    }
  }

  private termScore(tf: number, idf: number, length: number): number {
    const { k1, b } = this.params;
    return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + b * (length / (this.averageLength || 1))));
  }
}

/** The k-th largest score among `docs[0 … count)` (k ≤ count). */
function kthLargest(scores: Float64Array, docs: Uint32Array, count: number, k: number): number {
  const top = new TopK(k);
  for (let t = 0; t < count; t++) top.offer(docs[t]!, scores[docs[t]!]!);
  return top.lowest();
}
