import { readFile, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';

/** A posting packs the document's local number and a capped term frequency in one integer. */
export const TF_BITS = 8;
export const TF_MAX = (1 << TF_BITS) - 1;

/**
 * One immutable slice of the BM25 index: the documents `base … base + lengths.length - 1`, their
 * terms and compressed-sparse-row postings. Scoring across segments uses corpus-wide statistics.
 */
export class Bm25Segment {
  private readonly termIds: Map<string, number>;
  readonly totalLength: number;
  private forward: Map<number, [string, number][]> | null = null;

  constructor(
    readonly base: number,
    readonly terms: readonly string[],
    private readonly offsets: Uint32Array,
    private readonly postings: Uint32Array,
    readonly lengths: Uint32Array,
  ) {
    this.termIds = new Map(terms.map((term, i) => [term, i]));
    let sum = 0;
    for (const length of lengths) sum += length;
    this.totalLength = sum;
  }

  get documentCount(): number {
    return this.lengths.length;
  }

  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** Calls `visit(globalDoc, tf, length)` for each document holding `term`. */
  forEachDocumentWith(term: string, visit: (doc: number, tf: number, length: number) => void): void {
    const id = this.termIds.get(term);
    if (id === undefined) return;
    for (let p = this.offsets[id]!; p < this.offsets[id + 1]!; p++) {
      const packed = this.postings[p]!;
      const local = Math.floor(packed / (TF_MAX + 1));
      visit(this.base + local, packed % (TF_MAX + 1), this.lengths[local]!);
    }
  }

  /** A document's (term, tf) pairs; the term-major postings are turned around once, on first use. */
  termsOf(doc: number): [string, number][] {
    if (!this.forward) {
      this.forward = new Map();
      this.terms.forEach((term, id) => {
        for (let p = this.offsets[id]!; p < this.offsets[id + 1]!; p++) {
          const packed = this.postings[p]!;
          const local = Math.floor(packed / (TF_MAX + 1));
          let list = this.forward!.get(local);
          if (!list) this.forward!.set(local, (list = []));
          list.push([term, packed % (TF_MAX + 1)]);
        }
      });
    }
    return this.forward.get(doc - this.base) ?? [];
  }

  async save(file: string): Promise<void> {
    await writeFile(file, serialize({ base: this.base, terms: this.terms, offsets: this.offsets, postings: this.postings, lengths: this.lengths }));
  }

  static async load(file: string): Promise<Bm25Segment> {
    const d = deserialize(await readFile(file)) as { base: number; terms: string[]; offsets: Uint32Array; postings: Uint32Array; lengths: Uint32Array };
    return new Bm25Segment(d.base, d.terms, d.offsets, d.postings, d.lengths);
  }
}
