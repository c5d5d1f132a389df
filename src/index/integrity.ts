import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import { MANIFEST_FILE } from './manifest.ts';

/** Size and SHA-256 of each file of a version, as recorded in its manifest. */
export type Checksums = Record<string, { bytes: number; sha256: string }>;

/**
 * Checksums of every file of a finished version folder (the manifest itself aside), computed in a worker
 * thread: started at once, it hashes while the caller goes on (at start-up, loading the tokenizer).
 */
export function checksumVersion(directory: string): Promise<Checksums> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./checksum-worker.mjs', import.meta.url), { workerData: { directory, skip: MANIFEST_FILE } });
    let reply: { checksums?: Checksums; error?: string } = { error: 'the checksum worker ended without a reply' };
    worker.once('message', (message: typeof reply) => (reply = message));
    worker.once('error', (error) => (reply = { error: error.message }));
    // Settled once the thread is gone, so that no thread or file of it outlives the call.
    worker.once('exit', () => (reply.checksums ? resolve(reply.checksums) : reject(new Error(reply.error))));
  });
}

/**
 * Throws INDEX_CORRUPT naming the first file that is missing, has another size, or other content than
 * the manifest recorded. Sizes are checked first (one stat each) so truncation is found without reading;
 * the hashes then catch damage that keeps the size (a block zeroed mid-file, shifted bytes).
 */
export async function verifyChecksums(directory: string, checksums: Checksums, actual: Promise<Checksums> = checksumVersion(directory)): Promise<void> {
  const damaged = (name: string, what: string) =>
    new AppError('INDEX_CORRUPT', `The index in ${directory} is damaged: ${name} ${what}. Run "npm run ingest" to rebuild it`);
  // Awaited below; this only keeps a failure from surfacing as unhandled when a size is found wrong first.
  actual.catch(() => undefined);
  for (const [name, expected] of Object.entries(checksums)) {
    const size = await stat(join(directory, name)).then((s) => s.size, () => null);
    if (size === null) throw damaged(name, 'is missing');
    if (size !== expected.bytes) throw damaged(name, `has ${size} bytes, not ${expected.bytes}`);
  }
  const found = await actual.catch((cause: unknown) => {
    throw new AppError('INDEX_CORRUPT', `The index in ${directory} cannot be read (${(cause as Error).message}). Run "npm run ingest" to rebuild it`, { cause });
  });
  for (const [name, expected] of Object.entries(checksums)) {
    if (found[name]?.sha256 !== expected.sha256) throw damaged(name, 'does not match its checksum');
  }
}
