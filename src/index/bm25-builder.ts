import { bigramKeyOfTerm, bigramTermOfKey } from '../text/bigrams.ts';
import type { TermCounts } from '../text/term-counts.ts';
import { Bm25Segment, TF_MAX } from './bm25-segment.ts';
import { Growable } from './growable.ts';
import { TermDictionary } from './term-dictionary.ts';

/**
 * Collects one segment's postings while ingest walks the corpus, document by document: a term
 * dictionary plus each document's (term, tf) run — five bytes a posting — turned into
 * compressed-sparse-row postings by {@link build}. Documents are numbered from `base` in order.
 */
export class Bm25Builder {
  private readonly wordIds = new Map<string, number>();
  /** Character bigrams by integer key (most of a Chinese corpus's postings): no string made or hashed for them. */
  private readonly bigramIds = new Map<number, number>();
  /** Term id → the word, or the bigram's key. */
  private readonly termKeys: (string | number)[] = [];
  private readonly postingTerms = new Growable(new Uint32Array(1 << 16));
  private readonly postingTfs = new Growable(new Uint8Array(1 << 16));
  private readonly documentEnds: number[] = [];
  private readonly lengths: number[] = [];

  constructor(readonly base = 0) {}

  get documentCount(): number {
    return this.lengths.length;
  }

  /** Adds a document from its terms (repeats included) and returns its number. */
  addDocument(terms: readonly string[]): number {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    return this.addCountedDocument(terms.length, counts);
  }

  /** Adds a document whose terms are already counted (a reused chunk of the previous index). */
  addCountedDocument(length: number, counts: Iterable<[string, number]>): number {
    for (const [term, tf] of counts) {
      const key = bigramKeyOfTerm(term);
      if (key === undefined) this.addWordPosting(term, tf);
      else this.addBigramPosting(key, tf);
    }
    return this.endDocument(length);
  }

  /** Adds a document from its counted words and bigram keys. */
  addTokenised(terms: TermCounts): number {
    for (const [word, tf] of terms.words) this.addWordPosting(word, tf);
    terms.bigramKeys.forEach((key, i) => this.addBigramPosting(key, terms.bigramCounts[i]!));
    return this.endDocument(terms.length);
  }

  private addWordPosting(word: string, tf: number): void {
    let id = this.wordIds.get(word);
    if (id === undefined) this.wordIds.set(word, (id = this.newTerm(word)));
    this.addPosting(id, tf);
  }

  private addBigramPosting(key: number, tf: number): void {
    let id = this.bigramIds.get(key);
    if (id === undefined) this.bigramIds.set(key, (id = this.newTerm(key)));
    this.addPosting(id, tf);
  }

  private newTerm(key: string | number): number {
    this.termKeys.push(key);
    return this.termKeys.length - 1;
  }

  private addPosting(id: number, tf: number): void {
    this.postingTerms.push(id);
    this.postingTfs.push(Math.min(tf, TF_MAX));
  }

  private endDocument(length: number): number {
    this.documentEnds.push(this.postingTerms.length);
    this.lengths.push(length);
    return this.base + this.lengths.length - 1;
  }

  build(): Bm25Segment {
    const terms = this.termKeys.map((key) => (typeof key === 'number' ? bigramTermOfKey(key) : key));
    const offsets = new Uint32Array(terms.length + 1);
    for (let p = 0; p < this.postingTerms.length; p++) offsets[this.postingTerms.at(p) + 1]!++;
    for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, terms.length);
    const packed = new Uint32Array(this.postingTerms.length);
    let p = 0;
    this.documentEnds.forEach((end, local) => {
      for (; p < end; p++) packed[fill[this.postingTerms.at(p)]!++] = local * (TF_MAX + 1) + this.postingTfs.at(p);
    });
    return Bm25Segment.inMemory(this.base, TermDictionary.fromTerms(terms), offsets, packed, Uint32Array.from(this.lengths));
  }
}
