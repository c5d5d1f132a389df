/**
 * The live index, against the real service process (`npm start`'s entry) and the real `npm run ingest`:
 * start while an ingest holds the lock, start with changed seeds, and an ingest while the service is
 * under load, whose new document must be answered within 5 s of the ingest ending with no failed request.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadLoops, startService, type ServiceProcess } from '../../scripts/lib/service-process.ts';
import { PROJECT_ROOT, seedText } from '../ingest/fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const NEW_DOCUMENT = '青海德令哈的量子星云数据港于2024年投入运行，主要承担西北地区的冷数据存储。';
const NEW_QUESTION = '量子星云数据港位于哪里？';
const LOAD_QUESTIONS = ['国家规划了多少个国家数据中心集群？', '数据中心要充分利用哪些可再生能源？', '贵州要打造哪三个千亿级主导产业集群？', '怎样促进数据有序流通？'];

const services: ServiceProcess[] = [];
const dirs: string[] = [];
after(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function addCopies(seeds: string, copies: number): Promise<void> {
  const seed = await seedText();
  for (let i = 0; i < copies; i++) await writeFile(join(seeds, `copy-${i}.txt`), `${i}号副本。\n${seed}`);
}

async function folders(copies = 0): Promise<{ seeds: string; index: string }> {
  const root = await tempDir('zhida-live-');
  dirs.push(root);
  const seeds = join(root, 'seeds');
  await cp(join(PROJECT_ROOT, 'seeds'), seeds, { recursive: true });
  await addCopies(seeds, copies);
  return { seeds, index: join(root, 'index') };
}

/** `npm run ingest` as package.json runs it; resolves with the time it ended. */
function ingest(seeds: string, index: string): { child: ReturnType<typeof spawn>; ended: Promise<number> } {
  const child = spawn(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', join(PROJECT_ROOT, 'ingest/cli.ts'), '--quiet'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEEDS_DIR: seeds, INDEX_DIR: index },
    stdio: 'ignore',
  });
  const ended = new Promise<number>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(performance.now()) : reject(new Error(`ingest exited with ${code}`)))),
  );
  return { child, ended };
}

async function topSource(url: string, query: string): Promise<string | undefined> {
  const res = await fetch(`${url}/v1/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, k: 1 }) });
  return ((await res.json()) as { results: { source: string }[] }).results[0]?.source;
}

describe('live index', () => {
  it('starting while `npm run ingest` holds the lock waits for its index instead of exiting', async () => {
    const { seeds, index } = await folders(150);
    const run = ingest(seeds, index);
    while (!existsSync(join(index, 'ingest.lock'))) await sleep(20);
    const service = await startService({ SEEDS_DIR: seeds, INDEX_DIR: index, RATE_LIMIT_MAX: '1000000' });
    services.push(service);
    const notYet = await fetch(`${service.url}/readyz`);
    assert.equal(notYet.status, 503);
    await run.ended;
    const ready = await service.ready();
    assert.equal(service.child.exitCode, null, 'the service is still running');
    assert.equal((ready.index as { lastError: unknown }).lastError, null);
    assert.equal(await topSource(service.url, '酱香型白酒'), '000_dcbe81f0de4cc422.txt');
    await service.stop();
  });

  it('starting with changed seeds serves the previous index at once and swaps in the rebuilt one', async () => {
    const { seeds, index } = await folders();
    await ingest(seeds, index).ended;
    // Enough new text that the rebuild takes seconds.
    await addCopies(seeds, 150);
    await writeFile(join(seeds, 'new.txt'), NEW_DOCUMENT);
    const service = await startService({ SEEDS_DIR: seeds, INDEX_DIR: index, RATE_LIMIT_MAX: '1000000' });
    services.push(service);
    let status = (await service.ready(10_000)).index as { refreshing: boolean; state: string; reason: string };
    while (status.state === 'checking') status = (await service.ready()).index as typeof status;
    assert.equal(status.state, 'ingesting', 'ready while the rebuild runs');
    assert.match(status.reason, /is new/);
    assert.equal(await topSource(service.url, '酱香型白酒'), '000_dcbe81f0de4cc422.txt', 'the previous index answers meanwhile');
    for (let i = 0; i < 600 && (await topSource(service.url, '量子星云数据港')) !== 'new.txt'; i++) await sleep(100);
    assert.equal(await topSource(service.url, '量子星云数据港'), 'new.txt');
    await service.stop();
  });

  it('a document ingested while the service is under load (8 connections) is answered within 5 s of the ingest ending, with no failed request', async () => {
    const { seeds, index } = await folders(20);
    const service = await startService({ SEEDS_DIR: seeds, INDEX_DIR: index, RATE_LIMIT_MAX: '1000000' });
    services.push(service);
    const before = ((await service.ready()).index as { version: string }).version;
    const load = loadLoops(`${service.url}/v1/ask`, 8, (i) => ({ question: LOAD_QUESTIONS[i % LOAD_QUESTIONS.length]! }));
    await sleep(1000);
    await writeFile(join(seeds, 'new.txt'), NEW_DOCUMENT);
    const ended = await ingest(seeds, index).ended;
    let answeredAt = 0;
    while (performance.now() - ended < 10_000) {
      if ((await topSource(service.url, '量子星云数据港')) === 'new.txt') {
        answeredAt = performance.now();
        break;
      }
      await sleep(50);
    }
    await sleep(500);
    const result = await load.stop();
    const ask = (await (await fetch(`${service.url}/v1/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: NEW_QUESTION }) })).json()) as { status: string; citations: { source: string }[] };
    const swapMs = answeredAt ? Math.round(answeredAt - ended) : null;
    console.log(`# swap: new document answered ${swapMs} ms after the ingest ended; ${result.ok} requests under load, ${result.failed.length} failed`);
    assert.ok(swapMs !== null && swapMs <= 5000, `answered ${swapMs} ms after the ingest ended`);
    assert.deepEqual(result.failed, []);
    assert.ok(result.ok > 100, `${result.ok} requests served during the swap`);
    assert.equal(ask.status, 'answered');
    assert.equal(ask.citations[0]?.source, 'new.txt');
    const after = (await service.ready()).index as { version: string };
    assert.notEqual(after.version, before);
    await service.stop();
  });
});
