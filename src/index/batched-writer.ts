import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const BATCH_BYTES = 1 << 20;

/**
 * Appends to a file in batches of about a megabyte: ingest writes one small record per chunk, and one
 * write call each costs more than the bytes. Hand-written: a stream's cork/uncork needs the same counting.
 */
export class BatchedWriter {
  private readonly stream: WriteStream;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file);
  }

  async write(data: Buffer): Promise<void> {
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes >= BATCH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.stream.write(batch)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
