import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import { MANIFEST_FILE } from './manifest.ts';

/** Size and SHA-256 of each file of a version, as recorded in its manifest. */
export type Checksums = Record<string, { bytes: number; sha256: string }>;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const block of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(block as Buffer);
  return hash.digest('hex');
}

/** Checksums of every file of a finished version folder (the manifest itself aside). */
export async function checksumVersion(directory: string): Promise<Checksums> {
  const out: Checksums = {};
  for (const name of (await readdir(directory)).sort()) {
    if (name === MANIFEST_FILE) continue;
    const path = join(directory, name);
    out[name] = { bytes: (await stat(path)).size, sha256: await sha256Of(path) };
  }
  return out;
}

/**
 * Throws INDEX_CORRUPT naming the first file that is missing, has another size, or other content than
 * the manifest recorded. Sizes are checked first (one stat each) so truncation is found without reading;
 * the hashes then catch damage that keeps the size (a block zeroed mid-file, shifted bytes).
 */
export async function verifyChecksums(directory: string, checksums: Checksums): Promise<void> {
  const damaged = (name: string, what: string) =>
    new AppError('INDEX_CORRUPT', `The index in ${directory} is damaged: ${name} ${what}. Run "npm run ingest" to rebuild it`);
  for (const [name, expected] of Object.entries(checksums)) {
    const size = await stat(join(directory, name)).then((s) => s.size, () => null);
    if (size === null) throw damaged(name, 'is missing');
    if (size !== expected.bytes) throw damaged(name, `has ${size} bytes, not ${expected.bytes}`);
  }
  for (const [name, expected] of Object.entries(checksums)) {
    if ((await sha256Of(join(directory, name))) !== expected.sha256) throw damaged(name, 'does not match its checksum');
  }
}
