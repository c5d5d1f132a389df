import { readFile, writeFile } from 'node:fs/promises';

/** Document frequencies over hashed features: what the local embedder needs to weight by IDF. */
export class LocalEmbeddingStats {
  readonly bits: number;
  readonly df: Uint32Array;
  docCount: number;

  constructor(bits = 20, df?: Uint32Array, docCount = 0) {
    this.bits = bits;
    this.df = df ?? new Uint32Array(1 << bits);
    if (this.df.length !== 1 << bits) throw new RangeError(`stats table must have 2^${bits} slots`);
    this.docCount = docCount;
  }

  /** Counts one document's distinct feature slots; `direction = -1` takes a removed document back out. */
  observe(slots: Iterable<number>, direction: 1 | -1 = 1): void {
    for (const slot of slots) {
      const next = (this.df[slot] ?? 0) + direction;
      this.df[slot] = next < 0 ? 0 : next;
    }
    this.docCount = Math.max(0, this.docCount + direction);
  }

  idf(slot: number): number {
    return Math.log((this.docCount + 1) / ((this.df[slot] ?? 0) + 1)) + 1;
  }

  async save(file: string): Promise<void> {
    const header = Buffer.alloc(8);
    header.writeUInt32LE(this.bits, 0);
    header.writeUInt32LE(this.docCount, 4);
    await writeFile(file, Buffer.concat([header, Buffer.from(this.df.buffer, this.df.byteOffset, this.df.byteLength)]));
  }

  static async load(file: string): Promise<LocalEmbeddingStats> {
    const bytes = await readFile(file);
    const bits = bytes.readUInt32LE(0);
    const docCount = bytes.readUInt32LE(4);
    const df = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + 8, bytes.byteOffset + bytes.byteLength));
    return new LocalEmbeddingStats(bits, df, docCount);
  }

  clone(): LocalEmbeddingStats {
    return new LocalEmbeddingStats(this.bits, this.df.slice(), this.docCount);
  }
}
