import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig, type Config } from '../../src/config.ts';
import { tempDir } from '../support/temp-dir.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_FILE = join(PROJECT_ROOT, 'seeds', '000_dcbe81f0de4cc422.txt');

export const seedText = () => readFile(SEED_FILE, 'utf8');

/** A seeds folder with the given files (path → text or bytes). */
export async function makeSeeds(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await tempDir('seeds-');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

export async function testConfig(seedsDir: string, extra: Record<string, string> = {}): Promise<Config> {
  const indexDir = await tempDir('index-');
  return parseConfig({ SEEDS_DIR: seedsDir, INDEX_DIR: indexDir, EMBEDDING_DIM: '64', ...extra });
}

export const silentLog = { info: () => undefined, warn: () => undefined };
