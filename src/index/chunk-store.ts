import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Document } from '@langchain/core/documents';
import { LRUCache } from 'lru-cache';
import type { ChunkRecord } from '../types.ts';
import { BatchedWriter } from './batched-writer.ts';
import { Growable } from './growable.ts';
import { readTypedFile, writeTypedFile } from './typed-file.ts';

export const CHUNKS_FILE = 'chunks.jsonl';
/** Where each chunk's line starts in {@link CHUNKS_FILE}, its document and a hash of its heading path. */
export const CHUNK_TABLE_FILE = 'chunks.table';

/** FNV-1a over a heading path: neighbours of one section are found without reading their text. */
function sectionHash(section: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const part of section) {
    for (let i = 0; i < part.length; i++) hash = Math.imul(hash ^ part.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0xffff, 0x01000193);
  }
  return hash >>> 0;
}

/** Streams chunk records to disk so ingest never holds the whole corpus; the table of where each one is follows on close. */
export class ChunkWriter {
  private readonly out: BatchedWriter;
  private readonly sources = new Map<string, number>();
  private readonly offsets: number[] = [0];
  private readonly sourceNumbers = new Growable(new Uint32Array(1 << 12));
  private readonly sectionHashes = new Growable(new Uint32Array(1 << 12));
  count = 0;

  constructor(
    file: string,
    private readonly tableFile: string,
  ) {
    this.out = new BatchedWriter(file);
  }

  async append(record: ChunkRecord): Promise<number> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    let source = this.sources.get(record.source);
    if (source === undefined) this.sources.set(record.source, (source = this.sources.size));
    this.sourceNumbers.push(source);
    this.sectionHashes.push(sectionHash(record.section));
    this.offsets.push(this.offsets.at(-1)! + line.length);
    await this.out.write(line);
    return this.count++;
  }

  async close(): Promise<void> {
    await this.out.close();
    await writeTypedFile(
      this.tableFile,
      { sources: [...this.sources.keys()] },
      { offsets: Float64Array.from(this.offsets), sources: this.sourceNumbers.toArray(), sections: this.sectionHashes.toArray() },
    );
  }
}

export async function* readChunks(file: string): AsyncGenerator<ChunkRecord> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as ChunkRecord;
}

const RECORDS_KEPT = 512;

/**
 * The chunks of a loaded index, by number (the vector label and BM25 document number) and by id. Only the
 * table of where each chunk sits is read at load; a chunk's text is read from disk when asked for, and the
 * most recent ones stay cached. The file is opened once, so a later ingest that deletes this version
 * does not pull it from under a running server.
 */
export class ChunkStore {
  private readonly cache = new LRUCache<number, ChunkRecord>({ max: RECORDS_KEPT });
  private firstLabels: Map<string, number> | null = null;

  private constructor(
    private readonly fd: number,
    private readonly offsets: Float64Array,
    private readonly sourceNumbers: Uint32Array,
    private readonly sectionHashes: Uint32Array,
    readonly sources: readonly string[],
  ) {}

  static async open(chunksFile: string, tableFile: string): Promise<ChunkStore> {
    const { meta, arrays } = await readTypedFile(tableFile);
    const { offsets, sources, sections } = arrays;
    if (!(offsets instanceof Float64Array && sources instanceof Uint32Array && sections instanceof Uint32Array) || !Array.isArray(meta.sources)) {
      throw new Error(`${tableFile} is damaged`);
    }
    return new ChunkStore(openSync(chunksFile, 'r'), offsets, sources, sections, meta.sources as string[]);
  }

  get size(): number {
    return this.sourceNumbers.length;
  }

  /** The document a chunk comes from, without reading the chunk. */
  sourceOf(label: number): string | undefined {
    return label >= 0 && label < this.size ? this.sources[this.sourceNumbers[label]!] : undefined;
  }

  at(label: number): ChunkRecord | undefined {
    if (!Number.isInteger(label) || label < 0 || label >= this.size) return undefined;
    let record = this.cache.get(label);
    if (!record) {
      const start = this.offsets[label]!;
      const bytes = Buffer.allocUnsafe(this.offsets[label + 1]! - start);
      readSync(this.fd, bytes, 0, bytes.length, start);
      this.cache.set(label, (record = JSON.parse(bytes.toString('utf8')) as ChunkRecord));
    }
    return record;
  }

  /** Chunks `from … to - 1`, in order, each read from disk unless cached. */
  *records(from = 0, to = this.size): Generator<ChunkRecord> {
    for (let label = Math.max(0, from); label < Math.min(to, this.size); label++) yield this.at(label)!;
  }

  /** Chunk ids are `source#n`: the n-th chunk of the source. */
  numberOf(id: string): number | undefined {
    const hash = id.lastIndexOf('#');
    if (hash < 0) return undefined;
    if (!this.firstLabels) {
      this.firstLabels = new Map();
      for (let label = this.size - 1; label >= 0; label--) this.firstLabels.set(this.sources[this.sourceNumbers[label]!]!, label);
    }
    const first = this.firstLabels.get(id.slice(0, hash));
    if (first === undefined) return undefined;
    const label = first + Number(id.slice(hash + 1));
    return this.sourceNumbers[label] === this.sourceNumbers[first] && this.at(label)?.id === id ? label : undefined;
  }

  /** The chunks of the same document and heading path as `label`, in order (a section cut into several chunks). */
  sectionOf(label: number, max = 24): ChunkRecord[] {
    const record = this.at(label);
    if (!record) return [];
    const key = record.section.join('\u0000');
    const same = (other: number) =>
      other >= 0 &&
      other < this.size &&
      this.sourceNumbers[other] === this.sourceNumbers[label] &&
      this.sectionHashes[other] === this.sectionHashes[label] &&
      this.at(other)!.section.join('\u0000') === key;
    let from = label;
    let to = label;
    while (to - from + 1 < max && same(from - 1)) from--;
    while (to - from + 1 < max && same(to + 1)) to++;
    return Array.from({ length: to - from + 1 }, (_, i) => this.at(from + i)!);
  }

  close(): void {
    closeSync(this.fd);
  }

  document(label: number): Document | undefined {
    const record = this.at(label);
    if (!record) return undefined;
    const { text, ...metadata } = record;
    return new Document({ pageContent: text, metadata, id: record.id });
  }
}
