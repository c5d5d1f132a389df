/**
 * Each corruption of the index met in the field, against the real service process: the damage is reported
 * in /readyz, the previous good version keeps answering (exact text from /v1/context, never NUL bytes or a
 * shifted span), and the service's own plain ingest repairs the index in the background.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startService, type ServiceProcess } from '../../scripts/lib/service-process.ts';
import { currentVersionDir } from '../../src/index/versions.ts';
import { PROJECT_ROOT } from '../ingest/fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const CORRUPTIONS: Record<string, { file: string; damage: (path: string) => Promise<void> }> = {
  'vectors file missing': { file: 'vectors-0.hnsw', damage: (path) => rm(path) },
  'vectors file zeroed mid-file': {
    file: 'vectors-0.hnsw',
    damage: async (path) => {
      const bytes = await readFile(path);
      bytes.fill(0, bytes.length >> 1, (bytes.length >> 1) + 256);
      await writeFile(path, bytes);
    },
  },
  'originals truncated': { file: 'originals.txt', damage: async (path) => truncate(path, (await stat(path)).size >> 1) },
  'originals shifted by a byte': {
    file: 'originals.txt',
    damage: async (path) => {
      const bytes = await readFile(path);
      await writeFile(path, Buffer.concat([Buffer.from(' '), bytes.subarray(0, -1)]));
    },
  },
};

const services: ServiceProcess[] = [];
const dirs: string[] = [];
after(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of ./seeds and an index folder, in a temporary folder removed after the suite. */
async function folders(): Promise<{ seeds: string; index: string }> {
  const root = await tempDir('zhida-corrupt-');
  dirs.push(root);
  await cp(join(PROJECT_ROOT, 'seeds'), join(root, 'seeds'), { recursive: true });
  return { seeds: join(root, 'seeds'), index: join(root, 'index') };
}

function ingest(seeds: string, index: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'ingest/cli.ts'), '--quiet'], { cwd: PROJECT_ROOT, env: { ...process.env, SEEDS_DIR: seeds, INDEX_DIR: index }, stdio: 'ignore' });
}

async function search(url: string, query: string): Promise<{ source: string; start: number; end: number; text: string } | undefined> {
  const res = await fetch(`${url}/v1/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, k: 1 }) });
  return ((await res.json()) as { results: { source: string; start: number; end: number; text: string }[] }).results[0];
}

interface IndexStatus {
  version: string;
  lastError: string | null;
  refreshing: boolean;
}

describe('a damaged index', () => {
  for (const [what, { file, damage }] of Object.entries(CORRUPTIONS)) {
    it(`${what}: reported, the previous version serves exact text, and the service repairs it`, async () => {
      const { seeds, index } = await folders();
      ingest(seeds, index);
      const good = (await currentVersionDir(index))!;
      await writeFile(join(seeds, 'new.txt'), '青海德令哈的量子星云数据港主要承担西北地区的冷数据存储。');
      ingest(seeds, index);
      await damage(join((await currentVersionDir(index))!, file));

      const service = await startService({ SEEDS_DIR: seeds, INDEX_DIR: index, RATE_LIMIT_MAX: '1000000' });
      services.push(service);
      const status = (await service.ready()).index as IndexStatus;
      assert.equal(join(index, 'versions', status.version), good, 'the previous good version is served');
      assert.ok(status.lastError?.includes(file), status.lastError ?? 'no error reported');

      const hit = (await search(service.url, '酱香型白酒'))!;
      const context = (await (await fetch(`${service.url}/v1/context?source=${encodeURIComponent(hit.source)}&start=${hit.start}&end=${hit.end}&window=20`)).json()) as { text: string; before: string };
      assert.equal(context.text, hit.text);
      assert.ok(!/\u0000/.test(context.text + context.before));

      let repaired = status;
      for (let i = 0; i < 600 && (repaired.lastError !== null || repaired.refreshing); i++) {
        await sleep(100);
        repaired = (await service.ready()).index as IndexStatus;
      }
      assert.equal(repaired.lastError, null);
      assert.equal((await search(service.url, '量子星云数据港'))?.source, 'new.txt');
      await service.stop();
    });
  }

  it('with no good version left, the service rebuilds before it serves instead of exiting', async () => {
    const { seeds, index } = await folders();
    ingest(seeds, index);
    await truncate(join((await currentVersionDir(index))!, 'vectors-0.hnsw'), 0);
    const service = await startService({ SEEDS_DIR: seeds, INDEX_DIR: index });
    services.push(service);
    const status = (await service.ready()).index as IndexStatus;
    assert.equal(status.lastError, null);
    assert.equal(service.child.exitCode, null);
    assert.equal((await search(service.url, '酱香型白酒'))?.source, '000_dcbe81f0de4cc422.txt');
    await service.stop();
  });
});
