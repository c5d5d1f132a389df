import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import { DOCUMENT_EXTENSIONS, formatOfName } from './formats.ts';

export interface SeedFile {
  /** Path relative to the seeds folder, `/`-separated. */
  source: string;
  path: string;
  bytes: number;
  /** Last modification time (ms): with the size, what tells a start-up check a file is unchanged without reading it. */
  modified: number;
}

/** A path under the seeds folder that is not read, and why. */
export interface ScanSkip {
  source: string;
  reason: string;
}

export interface SeedScan {
  files: SeedFile[];
  /** Files that are not read, and why: a type that is not a document, or a symlink. */
  skipped: ScanSkip[];
}

const bySource = (a: { source: string }, b: { source: string }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

/** Why an entry that is neither a folder nor a document is left out; null for hidden entries (ignored by design). */
function skipReason(entry: Dirent): string | null {
  if (entry.name.startsWith('.')) return null;
  // Links are not followed: they could lead outside the seeds folder, or around in a circle.
  if (entry.isSymbolicLink()) return 'symbolic links are not followed';
  if (!entry.isFile()) return 'not a regular file';
  return `not a supported document type (${DOCUMENT_EXTENSIONS.join(', ')})`;
}

/**
 * Every file under `seedsDir`, recursively, in a stable order: documents to read, and the rest with the reason they
 * are not read. Hidden files and folders are ignored.
 */
export async function scanSeedFolder(seedsDir: string): Promise<SeedScan> {
  if (!existsSync(seedsDir)) throw new Error(`The seeds folder ${seedsDir} does not exist: create it and put documents (.txt, .md, .html, .pdf, .docx) in it (or set SEEDS_DIR)`);
  const files: SeedFile[] = [];
  const skipped: SeedScan['skipped'] = [];
  // Files are stat-ed synchronously: a stat is microseconds, and tens of thousands of them through
  // promises and the thread pool take seconds (80,000 files: 0.5 s against 4 s).
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const source = relative(seedsDir, path).split(sep).join('/');
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && formatOfName(entry.name)) {
        const { size, mtimeMs } = statSync(path);
        files.push({ source, path, bytes: size, modified: mtimeMs });
      } else skipped.push({ source, reason: skipReason(entry)! });
    }
  };
  await walk(seedsDir);
  return { files: files.sort(bySource), skipped: skipped.sort(bySource) };
}

/** The documents under `seedsDir` (see scanSeedFolder). */
export async function scanSeeds(seedsDir: string): Promise<SeedFile[]> {
  return (await scanSeedFolder(seedsDir)).files;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
