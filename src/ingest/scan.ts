import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export interface SeedFile {
  /** Path relative to the seeds folder, `/`-separated. */
  source: string;
  path: string;
  bytes: number;
  /** Last modification time (ms): with the size, what tells a start-up check a file is unchanged without reading it. */
  modified: number;
}

function isDocument(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** A path under the seeds folder that is not read, and why. */
export interface ScanSkip {
  source: string;
  reason: string;
}

/** Why an entry that is neither a folder nor a document is left out; null for hidden entries (ignored by design). */
function skipReason(entry: Dirent): string | null {
  if (entry.name.startsWith('.')) return null;
  // Links are not followed: they could lead outside the seeds folder, or around in a circle.
  if (entry.isSymbolicLink()) return 'symbolic links are not followed';
  if (!entry.isFile()) return 'not a regular file';
  return `not a supported document type (${DOCUMENT_EXTENSIONS.join(', ')})`;
}

/**
 * Every document under `seedsDir`, recursively, in a stable order; hidden files and folders are ignored.
 * Anything else left out (links, other file types) is passed to `onSkip`, in the same order.
 */
export async function scanSeeds(seedsDir: string, onSkip?: (skip: ScanSkip) => void): Promise<SeedFile[]> {
  if (!existsSync(seedsDir)) throw new Error(`The seeds folder ${seedsDir} does not exist: create it and put .txt, .md or .html documents in it (or set SEEDS_DIR)`);
  const found: SeedFile[] = [];
  const skipped: ScanSkip[] = [];
  // Files are stat-ed synchronously: a stat is microseconds, and tens of thousands of them through
  // promises and the thread pool take seconds (80,000 files: 0.5 s against 4 s).
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const source = relative(seedsDir, path).split(sep).join('/');
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && isDocument(entry.name)) {
        const { size, mtimeMs } = statSync(path);
        found.push({ source, path, bytes: size, modified: mtimeMs });
      } else skipped.push({ source, reason: skipReason(entry)! });
    }
  };
  await walk(seedsDir);
  const bySource = (a: { source: string }, b: { source: string }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
  if (onSkip) for (const skip of skipped.sort(bySource)) onSkip(skip);
  return found.sort(bySource);
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
