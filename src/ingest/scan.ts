import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import { formatOfName } from './formats.ts';

export interface SeedFile {
  /** Path relative to the seeds folder, `/`-separated. */
  source: string;
  path: string;
  bytes: number;
}

export interface SeedScan {
  files: SeedFile[];
  /** Files that are not read, and why: a type that is not a document, or a symlink. */
  skipped: { source: string; reason: string }[];
}

const bySource = (a: { source: string }, b: { source: string }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

/**
 * Every file under `seedsDir`, recursively, in a stable order: documents to read, and the rest with the reason they
 * are not read. Hidden files and folders are ignored; symlinks are not followed (they could lead outside the folder).
 */
export async function scanSeedFolder(seedsDir: string): Promise<SeedScan> {
  if (!existsSync(seedsDir)) throw new Error(`The seeds folder ${seedsDir} does not exist: create it and put documents (.txt, .md, .html, .pdf, .docx) in it (or set SEEDS_DIR)`);
  const files: SeedFile[] = [];
  const skipped: SeedScan['skipped'] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const source = relative(seedsDir, path).split(sep).join('/');
      if (entry.isSymbolicLink()) skipped.push({ source, reason: 'symlink (not followed)' });
      else if (entry.isDirectory()) await walk(path);
      else if (!entry.isFile()) continue;
      else if (formatOfName(entry.name)) files.push({ source, path, bytes: (await stat(path)).size });
      else skipped.push({ source, reason: 'unsupported file type' });
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
