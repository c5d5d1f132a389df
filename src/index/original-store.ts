import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every document's decoded original, back to back in one file, and where each one sits in it. */
export const ORIGINALS_FILE = 'originals.txt';
export const ORIGINALS_TABLE = 'originals.json';

type Table = Record<string, [offset: number, bytes: number]>;

/** Appends originals while ingest runs: one sequential file instead of thousands of small ones. */
export class OriginalWriter {
  private readonly stream: WriteStream;
  private readonly table: Table = {};
  private offset = 0;

  constructor(private readonly directory: string) {
    this.stream = createWriteStream(join(directory, ORIGINALS_FILE));
  }

  async write(source: string, text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    this.table[source] = [this.offset, bytes.length];
    this.offset += bytes.length;
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
    await writeFile(join(this.directory, ORIGINALS_TABLE), JSON.stringify(this.table));
  }
}

/** Reads one document's original on demand; a few recent ones stay cached. */
export class OriginalStore {
  private table: Table | null = null;
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly directory: string,
    private readonly cacheSize = 32,
  ) {}

  async read(source: string): Promise<string | undefined> {
    const cached = this.cache.get(source);
    if (cached !== undefined) return cached;
    this.table ??= JSON.parse(await readFile(join(this.directory, ORIGINALS_TABLE), 'utf8')) as Table;
    const entry = Object.hasOwn(this.table, source) ? this.table[source] : undefined;
    if (!entry) return undefined;
    const handle = await open(join(this.directory, ORIGINALS_FILE), 'r');
    try {
      const buffer = Buffer.alloc(entry[1]);
      await handle.read(buffer, 0, entry[1], entry[0]);
      const text = buffer.toString('utf8');
      if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(source, text);
      return text;
    } finally {
      await handle.close();
    }
  }
}
