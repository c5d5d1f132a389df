import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export interface SeedFile {
  /** Path relative to the seeds folder, `/`-separated. */
  source: string;
  path: string;
  bytes: number;
}

function isDocument(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Every document under `seedsDir`, recursively, in a stable order; hidden files and folders are ignored. */
export async function scanSeeds(seedsDir: string): Promise<SeedFile[]> {
  if (!existsSync(seedsDir)) throw new Error(`The seeds folder ${seedsDir} does not exist: create it and put .txt, .md or .html documents in it (or set SEEDS_DIR)`);
  const found: SeedFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && isDocument(entry.name)) {
        found.push({ source: relative(seedsDir, path).split(sep).join('/'), path, bytes: (await stat(path)).size });
      }
    }
  };
  await walk(seedsDir);
  return found.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
