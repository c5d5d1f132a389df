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
  /** Document-major copy of the postings (compressed sparse rows), built on first use and dropped with {@link releaseTermsOf}. */
  private forward: { offsets: Uint32Array; termIds: Uint32Array; tfs: Uint8Array } | null = null;

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
    this.forward ??= this.transpose();
    const local = doc - this.base;
    const out: [string, number][] = [];
    for (let p = this.forward.offsets[local]!; p < this.forward.offsets[local + 1]!; p++) out.push([this.terms[this.forward.termIds[p]!]!, this.forward.tfs[p]!]);
    return out;
  }

  /** Frees the document-major copy once a caller has moved on to another segment. */
  releaseTermsOf(): void {
    this.forward = null;
  }

  private transpose() {
    const n = this.lengths.length;
    const offsets = new Uint32Array(n + 1);
    for (const packed of this.postings) offsets[Math.floor(packed / (TF_MAX + 1)) + 1]!++;
    for (let d = 0; d < n; d++) offsets[d + 1]! += offsets[d]!;
    const fill = offsets.slice(0, n);
    const termIds = new Uint32Array(this.postings.length);
    const tfs = new Uint8Array(this.postings.length);
    this.terms.forEach((_, id) => {
      for (let p = this.offsets[id]!; p < this.offsets[id + 1]!; p++) {
        const packed = this.postings[p]!;
        const at = fill[Math.floor(packed / (TF_MAX + 1))]!++;
        termIds[at] = id;
        tfs[at] = packed % (TF_MAX + 1);
      }
    });
    return { offsets, termIds, tfs };
  }

  async save(file: string): Promise<void> {
    await writeFile(file, serialize({ base: this.base, terms: this.terms, offsets: this.offsets, postings: this.postings, lengths: this.lengths }));
  }

  static async load(file: string): Promise<Bm25Segment> {
    const d = deserialize(await readFile(file)) as { base: number; terms: string[]; offsets: Uint32Array; postings: Uint32Array; lengths: Uint32Array };
    return new Bm25Segment(d.base, d.terms, d.offsets, d.postings, d.lengths);
  }
}
