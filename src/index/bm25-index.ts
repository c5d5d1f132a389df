import { readFile, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { bm25Idf, bm25TermScore, DEFAULT_BM25, type Bm25Params } from './bm25.ts';

/** A posting packs the document number and a capped term frequency in one small integer. */
const TF_BITS = 8;
const TF_MAX = (1 << TF_BITS) - 1;
const MAX_QUERY_TERMS = 32;

export interface Bm25Hit {
  doc: number;
  score: number;
  matchedTerms: string[];
}

/** A typed array that doubles when full: postings of a large corpus cost 5 bytes each, not a JS array slot. */
class Growable<T extends Uint32Array | Uint8Array> {
  length = 0;
  constructor(private data: T) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  at(index: number): number {
    return this.data[index]!;
  }
}

/**
 * Collects postings while ingest walks the corpus, document by document: a term dictionary plus flat
 * (term, tf) runs per document, turned into compressed-sparse-row postings by {@link build}.
 * Documents are numbered 0…n-1 in insertion order.
 */
export class Bm25Builder {
  private readonly termIds = new Map<string, number>();
  private readonly postingTerms = new Growable(new Uint32Array(1 << 16));
  private readonly postingTfs = new Growable(new Uint8Array(1 << 16));
  private readonly postingDocs = new Growable(new Uint32Array(1 << 16));
  private readonly lengths: number[] = [];

  /** Adds a document from its terms and returns its number. */
  addDocument(terms: readonly string[]): number {
    const doc = this.lengths.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) this.addPosting(term, doc, tf);
    this.lengths.push(terms.length);
    return doc;
  }

  /** Adds a document whose postings come from elsewhere (a reused chunk of the previous index). */
  addDocumentPostings(length: number): number {
    this.lengths.push(length);
    return this.lengths.length - 1;
  }

  addPosting(term: string, doc: number, tf: number): void {
    let id = this.termIds.get(term);
    if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
    this.postingTerms.push(id);
    this.postingTfs.push(Math.min(tf, TF_MAX));
    this.postingDocs.push(doc);
  }

  get documentCount(): number {
    return this.lengths.length;
  }

  build(): Bm25Index {
    const byId = [...this.termIds.keys()];
    const order = byId.map((_, i) => i).sort((a, b) => (byId[a]! < byId[b]! ? -1 : 1));
    const rankOf = new Uint32Array(byId.length);
    order.forEach((id, rank) => (rankOf[id] = rank));
    const offsets = new Uint32Array(byId.length + 1);
    for (let p = 0; p < this.postingTerms.length; p++) offsets[rankOf[this.postingTerms.at(p)]! + 1]!++;
    for (let t = 0; t < byId.length; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, byId.length);
    const packed = new Uint32Array(this.postingTerms.length);
    for (let p = 0; p < this.postingTerms.length; p++) {
      const rank = rankOf[this.postingTerms.at(p)]!;
      packed[fill[rank]!++] = this.postingDocs.at(p) * (TF_MAX + 1) + this.postingTfs.at(p);
    }
    // Reused documents' postings arrive after the new ones; sort each run so ties break by document.
    for (let t = 0; t < byId.length; t++) packed.subarray(offsets[t]!, offsets[t + 1]!).sort();
    return new Bm25Index(order.map((id) => byId[id]!), offsets, packed, Uint32Array.from(this.lengths));
  }
}

/** Immutable BM25 index: terms, CSR postings and document lengths, saved with V8's serialiser. */
export class Bm25Index {
  private readonly termIds: Map<string, number>;
  private readonly averageLength: number;

  constructor(
    readonly terms: readonly string[],
    private readonly offsets: Uint32Array,
    private readonly postings: Uint32Array,
    readonly lengths: Uint32Array,
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    this.termIds = new Map(terms.map((term, i) => [term, i]));
    let sum = 0;
    for (const length of lengths) sum += length;
    this.averageLength = lengths.length ? sum / lengths.length : 0;
  }

  get documentCount(): number {
    return this.lengths.length;
  }

  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  search(queryTerms: readonly string[], k: number): Bm25Hit[] {
    const unique = [...new Set(queryTerms)].filter((t) => this.termIds.has(t)).slice(0, MAX_QUERY_TERMS);
    const scores = new Map<number, { score: number; mask: number }>();
    const n = this.documentCount;
    unique.forEach((term, bit) => {
      const id = this.termIds.get(term)!;
      const from = this.offsets[id]!;
      const to = this.offsets[id + 1]!;
      const idf = bm25Idf(to - from, n);
      for (let p = from; p < to; p++) {
        const packed = this.postings[p]!;
        const doc = Math.floor(packed / (TF_MAX + 1));
        const tf = packed % (TF_MAX + 1);
        const s = bm25TermScore(tf, idf, this.lengths[doc]!, this.averageLength, this.params);
        const entry = scores.get(doc);
        if (entry) {
          entry.score += s;
          entry.mask |= 1 << bit;
        } else scores.set(doc, { score: s, mask: 1 << bit });
      }
    });
    return [...scores]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, k)
      .map(([doc, { score, mask }]) => ({ doc, score, matchedTerms: unique.filter((_, bit) => mask & (1 << bit)) }));
  }

  /** Every (term, doc, tf) of the documents `keep` maps to a new number, for incremental rebuilds. */
  forEachPosting(keep: (doc: number) => number | undefined, visit: (term: string, doc: number, tf: number) => void): void {
    this.terms.forEach((term, id) => {
      for (let p = this.offsets[id]!; p < this.offsets[id + 1]!; p++) {
        const packed = this.postings[p]!;
        const mapped = keep(Math.floor(packed / (TF_MAX + 1)));
        if (mapped !== undefined) visit(term, mapped, packed % (TF_MAX + 1));
      }
    });
  }

  async save(file: string): Promise<void> {
    await writeFile(file, serialize({ terms: this.terms, offsets: this.offsets, postings: this.postings, lengths: this.lengths }));
  }

  static async load(file: string): Promise<Bm25Index> {
    const data = deserialize(await readFile(file)) as {
      terms: string[];
      offsets: Uint32Array;
      postings: Uint32Array;
      lengths: Uint32Array;
    };
    return new Bm25Index(data.terms, data.offsets, data.postings, data.lengths);
  }
}
