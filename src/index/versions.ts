import { mkdir, mkdtemp, readdir, readlink, rename, rm, symlink, writeFile, readFile, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * An index folder holds whole versions and a `current` symlink. A new version is written beside the
 * old one and published by renaming a fresh symlink over `current`, which is atomic: a reader sees
 * the old index or the new one, never a half-written one, and a crash mid-ingest changes nothing.
 */
const VERSIONS = 'versions';
const CURRENT = 'current';
const STAGING_PREFIX = 'staging-';
const LOCK = 'ingest.lock';

export async function currentVersionDir(indexDir: string): Promise<string | null> {
  try {
    return join(indexDir, await readlink(join(indexDir, CURRENT)));
  } catch {
    return null;
  }
}

/** Every published version folder (the current one included), newest first: names start with their publication time. */
export async function listVersions(indexDir: string): Promise<string[]> {
  const entries = await readdir(join(indexDir, VERSIONS)).catch(() => [] as string[]);
  return entries.filter((entry) => !entry.startsWith(STAGING_PREFIX)).sort().reverse().map((entry) => join(indexDir, VERSIONS, entry));
}

export async function createStagingDir(indexDir: string): Promise<string> {
  await mkdir(join(indexDir, VERSIONS), { recursive: true });
  return mkdtemp(join(indexDir, VERSIONS, STAGING_PREFIX));
}

/** Publishes a finished staging folder and removes versions older than the one it replaces. */
export async function publishVersion(indexDir: string, stagingDir: string): Promise<string> {
  const name = `v-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const finalDir = join(indexDir, VERSIONS, name);
  await rename(stagingDir, finalDir);
  const previous = await currentVersionDir(indexDir);
  const link = join(indexDir, `${CURRENT}.${process.pid}.tmp`);
  await rm(link, { force: true });
  await symlink(join(VERSIONS, name), link);
  await rename(link, join(indexDir, CURRENT));
  // The previous version stays one round: a running server may still read originals from it.
  const keep = new Set([name, previous ? basename(previous) : '']);
  for (const entry of await readdir(join(indexDir, VERSIONS))) {
    if (!keep.has(entry) && !entry.startsWith(STAGING_PREFIX)) await rm(join(indexDir, VERSIONS, entry), { recursive: true, force: true });
  }
  return finalDir;
}

async function removeStaleStaging(indexDir: string): Promise<void> {
  const dir = join(indexDir, VERSIONS);
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (entry.startsWith(STAGING_PREFIX)) await rm(join(dir, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Another live process holds the ingest lock of the index folder. */
export class IngestLockedError extends Error {
  constructor(
    readonly holder: number,
    indexDir: string,
  ) {
    super(`Another ingest (pid ${holder}) is writing ${indexDir}; wait for it to finish`);
    this.name = 'IngestLockedError';
  }
}

/** The pid of a live process holding the ingest lock, or null when none does. */
export async function ingestLockHolder(indexDir: string): Promise<number | null> {
  const holder = Number((await readFile(join(indexDir, LOCK), 'utf8').catch(() => '')).trim());
  return holder && isAlive(holder) ? holder : null;
}

/** One ingest at a time per index folder; a lock left by a dead process is taken over. */
export async function acquireIngestLock(indexDir: string): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const file = join(indexDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      // Whatever staging folders exist now were left by a crashed ingest.
      await removeStaleStaging(indexDir);
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await ingestLockHolder(indexDir);
      if (holder && holder !== process.pid) throw new IngestLockedError(holder, indexDir);
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${indexDir}`);
}
