import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireIngestLock, createStagingDir, currentVersionDir, publishVersion } from '../../src/index/versions.ts';
import { tempDir } from '../support/temp-dir.ts';

test('publishing swaps the current version and keeps only the one before it', async () => {
  const indexDir = await tempDir('versions-');
  assert.equal(await currentVersionDir(indexDir), null);
  const published: string[] = [];
  for (const content of ['one', 'two', 'three']) {
    const staging = await createStagingDir(indexDir);
    await writeFile(join(staging, 'data.txt'), content);
    published.push(await publishVersion(indexDir, staging));
    assert.equal(await readFile(join((await currentVersionDir(indexDir))!, 'data.txt'), 'utf8'), content);
  }
  const versions = (await readdir(join(indexDir, 'versions'))).sort();
  assert.equal(versions.length, 2);
  assert.ok(published.slice(1).every((p) => versions.some((v) => p.endsWith(v))));
});

test('a second ingest is refused while the first holds the lock, and a dead holder is taken over', async () => {
  const indexDir = await tempDir('lock-');
  const release = await acquireIngestLock(indexDir);
  await assert.rejects(async () => {
    // Pretend another live process holds it: our parent is alive.
    await writeFile(join(indexDir, 'ingest.lock'), String(process.ppid));
    await acquireIngestLock(indexDir);
  }, /Another ingest/);
  await writeFile(join(indexDir, 'ingest.lock'), '999999999');
  await mkdir(join(indexDir, 'versions', 'staging-left-behind'), { recursive: true });
  const again = await acquireIngestLock(indexDir);
  assert.deepEqual(await readdir(join(indexDir, 'versions')), [], 'stale staging folders are removed');
  await again();
  await release();
});
