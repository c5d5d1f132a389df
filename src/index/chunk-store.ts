import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Document } from '@langchain/core/documents';
import type { ChunkRecord } from '../types.ts';

export const CHUNKS_FILE = 'chunks.jsonl';

/** Streams chunk records to disk so ingest never holds the whole corpus. */
export class ChunkWriter {
  private readonly stream: WriteStream;
  count = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' });
  }

  async append(record: ChunkRecord): Promise<number> {
    if (!this.stream.write(`${JSON.stringify(record)}\n`)) await once(this.stream, 'drain');
    return this.count++;
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export async function* readChunks(file: string): AsyncGenerator<ChunkRecord> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as ChunkRecord;
}

/** The chunks of a loaded index, by number (the vector label and BM25 document number) and by id. */
export class ChunkStore {
  private readonly byId: Map<string, number>;

  constructor(readonly records: readonly ChunkRecord[]) {
    this.byId = new Map(records.map((r, i) => [r.id, i]));
  }

  static async load(file: string): Promise<ChunkStore> {
    const records: ChunkRecord[] = [];
    for await (const record of readChunks(file)) records.push(record);
    return new ChunkStore(records);
  }

  get size(): number {
    return this.records.length;
  }

  at(label: number): ChunkRecord | undefined {
    return this.records[label];
  }

  numberOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The chunks of the same document and heading path as `label`, in order (a section cut into several chunks). */
  sectionOf(label: number, max = 24): ChunkRecord[] {
    const record = this.records[label];
    if (!record) return [];
    const key = record.section.join('\u0000');
    const same = (r: ChunkRecord | undefined) => r !== undefined && r.source === record.source && r.section.join('\u0000') === key;
    let from = label;
    let to = label;
    while (to - from + 1 < max && same(this.records[from - 1])) from--;
    while (to - from + 1 < max && same(this.records[to + 1])) to++;
    return this.records.slice(from, to + 1);
  }

  document(label: number): Document | undefined {
    const record = this.records[label];
    if (!record) return undefined;
    const { text, ...metadata } = record;
    return new Document({ pageContent: text, metadata, id: record.id });
  }
}
