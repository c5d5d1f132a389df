import { join } from 'node:path';
import { Bm25Builder } from '../index/bm25-builder.ts';
import { bm25File } from '../index/loaded-index.ts';
import type { TermCounts } from '../text/term-counts.ts';

/** Cuts the BM25 index into segments of `size` documents and writes each as soon as it is full. */
export class Bm25SegmentsWriter {
  private builder = new Bm25Builder(0);
  segments = 0;
  terms = 0;

  constructor(
    private readonly directory: string,
    private readonly size: number,
  ) {}

  async addTokenised(terms: TermCounts): Promise<number> {
    const doc = this.builder.addTokenised(terms);
    await this.flushIfFull();
    return doc;
  }

  async addCountedDocument(length: number, counts: Iterable<[string, number]>): Promise<number> {
    const doc = this.builder.addCountedDocument(length, counts);
    await this.flushIfFull();
    return doc;
  }

  private async flushIfFull(): Promise<void> {
    if (this.builder.documentCount >= this.size) await this.flush();
  }

  private async flush(): Promise<void> {
    const segment = this.builder.build();
    await segment.save(join(this.directory, bm25File(this.segments)));
    this.segments++;
    this.terms += segment.termCount;
    this.builder = new Bm25Builder(segment.base + segment.documentCount);
  }

  /** Writes the last, partly filled segment. */
  async close(): Promise<void> {
    if (this.builder.documentCount || this.segments === 0) await this.flush();
  }
}
