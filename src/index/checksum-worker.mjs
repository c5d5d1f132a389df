// Worker thread: the size and SHA-256 of every file of an index version folder but its manifest.
// Plain JavaScript that loads nothing but Node's own modules, so it starts in milliseconds and hashes
// hundreds of MB while the main thread loads the rest of the service. Types: integrity.ts.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ directory: string, skip: string }} */
const { directory, skip } = workerData;
const block = Buffer.allocUnsafe(1 << 20);

/** @param {string} file */
function hashFile(file) {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (let read; (read = readSync(fd, block, 0, block.length, null)) > 0; bytes += read) hash.update(block.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

try {
  /** @type {Record<string, { bytes: number, sha256: string }>} */
  const checksums = {};
  for (const name of readdirSync(directory).sort()) if (name !== skip) checksums[name] = hashFile(join(directory, name));
  parentPort.postMessage({ checksums });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
