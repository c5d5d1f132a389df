import { open } from 'node:fs/promises';
import { BatchedWriter } from '../index/batched-writer.ts';
import type { PackedFeatures } from './local.ts';

/**
 * Hashed features of each new chunk, parked on disk between ingest's two passes, so the second pass
 * (vectors, which need the finished IDF table) does not tokenise everything again and memory stays flat.
 * Record: count (u32), then count × hash (u32), then count × weight (f32). Hand-written: a fixed
 * little binary layout is simpler than any serialisation package for this.
 */
export class FeatureSpillWriter {
  private readonly out: BatchedWriter;

  constructor(readonly file: string) {
    this.out = new BatchedWriter(file);
  }

  async write(features: PackedFeatures): Promise<void> {
    const n = features.hashes.length;
    const record = Buffer.allocUnsafe(4 + 8 * n);
    record.writeUInt32LE(n, 0);
    Buffer.from(features.hashes.buffer, features.hashes.byteOffset, 4 * n).copy(record, 4);
    Buffer.from(features.weights.buffer, features.weights.byteOffset, 4 * n).copy(record, 4 + 4 * n);
    await this.out.write(record);
  }

  close(): Promise<void> {
    return this.out.close();
  }
}

/**
 * Reads the records back in order, one buffer refill at a time. Each record's arrays are views of the read
 * buffer, valid until the next record is asked for: copying 100,000s of them only made garbage.
 */
export async function* readFeatureSpill(file: string, bufferSize = 1 << 20): AsyncGenerator<PackedFeatures> {
  const handle = await open(file, 'r');
  try {
    let buffer = Buffer.alloc(bufferSize);
    let start = 0;
    let end = 0;
    const fill = async (needed: number) => {
      if (end - start >= needed) return true;
      if (needed > buffer.length) {
        const bigger = Buffer.alloc(needed * 2);
        buffer.copy(bigger, 0, start, end);
        buffer = bigger;
      } else buffer.copy(buffer, 0, start, end);
      end -= start;
      start = 0;
      while (end < needed) {
        const { bytesRead } = await handle.read(buffer, end, buffer.length - end, null);
        if (!bytesRead) return false;
        end += bytesRead;
      }
      return true;
    };
    while (await fill(4)) {
      const n = buffer.readUInt32LE(start);
      if (!(await fill(4 + 8 * n))) throw new Error(`${file}: truncated feature record`);
      // Records are whole multiples of 4 bytes and the buffer starts aligned, so the views are aligned.
      const at = buffer.byteOffset + start + 4;
      start += 4 + 8 * n;
      yield { hashes: new Uint32Array(buffer.buffer, at, n), weights: new Float32Array(buffer.buffer, at + 4 * n, n) };
    }
  } finally {
    await handle.close();
  }
}
