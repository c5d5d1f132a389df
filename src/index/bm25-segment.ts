import { closeSync, openSync, readSync } from 'node:fs';
import { openTypedFile, writeTypedFile, type ArrayOnDisk } from './typed-file.ts';
import { TermDictionary } from './term-dictionary.ts';

/** A posting packs the document's local number and a capped term frequency in one integer. */
export const TF_BITS = 8;
export const TF_MAX = (1 << TF_BITS) - 1;
const TF_SPAN = TF_MAX + 1;

/** Postings read whole at load when a segment has this few (4 MB); larger segments leave theirs on disk. */
const POSTINGS_KEPT_IN_MEMORY = 1 << 20;

/** A segment's postings: in memory while ingest builds it, in its file once loaded (a term's list read when a query needs it). */
interface Postings {
  readonly length: number;
  /** Postings `start … end`, valid until the next call. */
  slice(start: number, end: number): Uint32Array;
  all(): Uint32Array;
  close(): void;
}

function postingsInMemory(postings: Uint32Array): Postings {
  return { length: postings.length, slice: (start, end) => postings.subarray(start, end), all: () => postings, close: () => undefined };
}

/**
 * Postings left in the index file: a 100 MB corpus has 50 million, and reading the few lists a query needs
 * from the page cache costs microseconds, where holding them all costs 200 MB of memory. The file is opened
 * once, so a later ingest that deletes this version does not pull it from under a running server.
 */
function postingsOnDisk(file: string, { byteOffset, length }: ArrayOnDisk): Postings {
  const fd = openSync(file, 'r');
  let scratch = new Uint32Array(1 << 12);
  const read = (into: Uint32Array, start: number, count: number) => readSync(fd, new Uint8Array(into.buffer, 0, count * 4), 0, count * 4, byteOffset + start * 4);
  return {
    length,
    slice(start, end) {
      if (scratch.length < end - start) scratch = new Uint32Array(end - start);
      read(scratch, start, end - start);
      return scratch.subarray(0, end - start);
    },
    all() {
      const postings = new Uint32Array(length);
      read(postings, 0, length);
      return postings;
    },
    close: () => closeSync(fd),
  };
}

/** The frequency in `postings` (one term's list, in document order) of local document `local`; 0 when absent. */
export function frequencyIn(postings: Uint32Array, local: number): number {
  const wanted = local * TF_SPAN;
  let low = 0;
  let high = postings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (postings[middle]! < wanted) low = middle + 1;
    else high = middle;
  }
  return low < postings.length && postings[low]! - wanted < TF_SPAN ? postings[low]! - wanted : 0;
}

/**
 * One immutable slice of the BM25 index: the documents `base … base + lengths.length - 1`, their
 * terms and compressed-sparse-row postings (each term's postings in document order). Scoring across
 * segments uses corpus-wide statistics.
 */
export class Bm25Segment {
  readonly totalLength: number;
  /** Document-major copy of the postings (compressed sparse rows), built on first use and dropped with {@link releaseTermsOf}. */
  private forward: { offsets: Uint32Array; termIds: Uint32Array; tfs: Uint8Array } | null = null;

  constructor(
    readonly base: number,
    readonly dictionary: TermDictionary,
    /** Term `id`'s postings are `postings[offsets[id] … offsets[id + 1])`. */
    readonly offsets: Uint32Array,
    private readonly postings: Postings,
    readonly lengths: Uint32Array,
  ) {
    let sum = 0;
    for (const length of lengths) sum += length;
    this.totalLength = sum;
  }

  get documentCount(): number {
    return this.lengths.length;
  }

  get termCount(): number {
    return this.dictionary.size;
  }

  /** The number in this segment of the term encoded by {@link encodeTerm}, or -1. */
  termId(encoded: Uint8Array): number {
    return this.dictionary.idOf(encoded);
  }

  /** Documents holding term `id` (a {@link termId}). */
  frequencyOfTerm(id: number): number {
    return id < 0 ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** Closes the index file a loaded segment reads its postings from. */
  close(): void {
    this.postings.close();
  }

  /** Term `id`'s postings (packed local document and tf), valid until the next call. */
  postingsOf(id: number): Uint32Array {
    return this.postings.slice(this.offsets[id]!, this.offsets[id + 1]!);
  }

  /** A document's (term, tf) pairs; the term-major postings are turned around once, on first use. */
  termsOf(doc: number): [string, number][] {
    this.forward ??= this.transpose();
    const local = doc - this.base;
    const out: [string, number][] = [];
    for (let p = this.forward.offsets[local]!; p < this.forward.offsets[local + 1]!; p++) out.push([this.dictionary.term(this.forward.termIds[p]!), this.forward.tfs[p]!]);
    return out;
  }

  /** Frees the document-major copy once a caller has moved on to another segment. */
  releaseTermsOf(): void {
    this.forward = null;
  }

  private transpose() {
    const n = this.lengths.length;
    const postings = this.postings.all();
    const offsets = new Uint32Array(n + 1);
    for (const packed of postings) offsets[Math.floor(packed / TF_SPAN) + 1]!++;
    for (let d = 0; d < n; d++) offsets[d + 1]! += offsets[d]!;
    const fill = offsets.slice(0, n);
    const termIds = new Uint32Array(postings.length);
    const tfs = new Uint8Array(postings.length);
    for (let id = 0; id < this.termCount; id++) {
      for (let p = this.offsets[id]!; p < this.offsets[id + 1]!; p++) {
        const packed = postings[p]!;
        const at = fill[Math.floor(packed / TF_SPAN)]!++;
        termIds[at] = id;
        tfs[at] = packed % TF_SPAN;
      }
    }
    return { offsets, termIds, tfs };
  }

  async save(file: string): Promise<void> {
    const { bytes, starts, slots } = this.dictionary;
    await writeTypedFile(file, { base: this.base }, { termBytes: bytes, termStarts: starts, termSlots: slots, offsets: this.offsets, postings: this.postings.all(), lengths: this.lengths });
  }

  static async load(file: string): Promise<Bm25Segment> {
    const { meta, arrays, located } = await openTypedFile(file, ['postings']);
    const u32 = (name: string) => {
      const array = arrays[name];
      if (!(array instanceof Uint32Array)) throw new Error(`${file} lacks ${name}`);
      return array;
    };
    if (!(arrays.termBytes instanceof Uint8Array) || !located.postings) throw new Error(`${file} lacks its terms or postings`);
    const dictionary = new TermDictionary(arrays.termBytes, u32('termStarts'), u32('termSlots'));
    let postings = postingsOnDisk(file, located.postings);
    if (located.postings.length <= POSTINGS_KEPT_IN_MEMORY) {
      // A small segment's postings cost less memory than a system call per term and query.
      const all = postings.all();
      postings.close();
      postings = postingsInMemory(all);
    }
    return new Bm25Segment(Number(meta.base), dictionary, u32('offsets'), postings, u32('lengths'));
  }

  /** A segment built in memory (by ingest). */
  static inMemory(base: number, dictionary: TermDictionary, offsets: Uint32Array, postings: Uint32Array, lengths: Uint32Array): Bm25Segment {
    return new Bm25Segment(base, dictionary, offsets, postingsInMemory(postings), lengths);
  }
}
