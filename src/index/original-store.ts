import { closeSync, openSync, read } from 'node:fs';
import { promisify } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BatchedWriter } from './batched-writer.ts';

/** Every document's decoded original, back to back in one file, and where each one sits in it. */
export const ORIGINALS_FILE = 'originals.txt';
export const ORIGINALS_TABLE = 'originals.json';

type Table = Record<string, [offset: number, bytes: number]>;

/** Appends originals while ingest runs: one sequential file instead of thousands of small ones. */
export class OriginalWriter {
  private readonly out: BatchedWriter;
  private readonly table: Table = {};
  private offset = 0;

  constructor(private readonly directory: string) {
    this.out = new BatchedWriter(join(directory, ORIGINALS_FILE));
  }

  async write(source: string, text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    this.table[source] = [this.offset, bytes.length];
    this.offset += bytes.length;
    await this.out.write(bytes);
  }

  async close(): Promise<void> {
    await this.out.close();
    await writeFile(join(this.directory, ORIGINALS_TABLE), JSON.stringify(this.table));
  }
}

/**
 * Reads one document's original on demand; a few recent ones stay cached. The file is opened once, when
 * the index is loaded: a later ingest may publish new versions and delete this one, and the open
 * descriptor keeps serving the version this process loaded.
 */
export class OriginalStore {
  private readonly cache = new Map<string, string>();

  private constructor(
    private readonly table: Table,
    private readonly fd: number,
    private readonly cacheSize: number,
  ) {}

  static async open(directory: string, cacheSize = 32): Promise<OriginalStore> {
    const table = JSON.parse(await readFile(join(directory, ORIGINALS_TABLE), 'utf8')) as Table;
    return new OriginalStore(table, openSync(join(directory, ORIGINALS_FILE), 'r'), cacheSize);
  }

  async read(source: string): Promise<string | undefined> {
    const cached = this.cache.get(source);
    if (cached !== undefined) return cached;
    const entry = Object.hasOwn(this.table, source) ? this.table[source] : undefined;
    if (!entry) return undefined;
    const buffer = Buffer.alloc(entry[1]);
    await readAt(this.fd, buffer, entry[0]);
    const text = buffer.toString('utf8');
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(source, text);
    return text;
  }

  close(): void {
    closeSync(this.fd);
  }
}

const readAt = promisify((fd: number, buffer: Buffer, position: number, done: (error: Error | null) => void) =>
  read(fd, buffer, 0, buffer.length, position, (error) => done(error)),
);
