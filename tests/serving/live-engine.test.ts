import assert from 'node:assert/strict';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../../src/config.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { currentVersionDir } from '../../src/index/versions.ts';
import { IngestBusyError, type IngestRunner } from '../../src/serving/ingest-runner.ts';
import { LiveEngine } from '../../src/serving/live-engine.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { makeSeeds, testConfig } from '../ingest/fixtures.ts';

const tokenizer = new JiebaTokenizer();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ingestInProcess: IngestRunner = (config, run) => buildIndex({ ...ingestOptionsFromConfig(config, quiet, tokenizer), full: run.full });
const engines: LiveEngine[] = [];
after(() => Promise.all(engines.map((engine) => engine.close())));

/** A live engine whose ingests wait until `open()` is called, to look at it while a refresh is pending. */
function gatedLiveEngine(config: Config): { live: LiveEngine; open(): void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const live = liveEngine(config, async (c, run) => {
    await gate;
    return ingestInProcess(c, run);
  });
  return { live, open };
}

function liveEngine(config: Config, ingest: IngestRunner = ingestInProcess): LiveEngine {
  const engine = new LiveEngine(config, quiet, { tokenizer, ingest, pollMs: 100 });
  engines.push(engine);
  return engine;
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(20);
  }
}

const sourcesFor = async (engine: LiveEngine, query: string) => (await engine.current()!.qa.search(query, 3)).map((r) => r.source);
const topSource = async (engine: LiveEngine, query: string) => (await sourcesFor(engine, query))[0];

describe('LiveEngine', () => {
  it('builds the first index when there is none, then serves each newly published version without a restart', async () => {
    const seeds = await makeSeeds({ 'a.txt': '贵州的数据中心集群位于贵安新区。' });
    const config = await testConfig(seeds, { INGEST_WORKERS: '0' });
    const live = liveEngine(config);
    await live.start();
    const first = live.current()!;
    assert.equal(first.directory, await currentVersionDir(config.INDEX_DIR));

    const lease = live.acquire()!;
    await writeFile(join(seeds, 'b.txt'), '内蒙古的和林格尔集群主要承担后台加工。');
    await ingestInProcess(config, { full: false });
    await until(() => live.current() !== first);
    assert.equal(await topSource(live, '和林格尔'), 'b.txt');
    assert.equal(lease.value, first, 'a request in flight keeps the version it started with');
    assert.equal(live.status().draining, 1);
    assert.ok((await lease.value.qa.search('贵安新区', 1)).length > 0, 'the old version still answers its requests');
    lease.release();
    assert.equal(live.status().draining, 0);
  });

  it('serves the current index at once and refreshes in the background when the seeds changed', async () => {
    const seeds = await makeSeeds({ 'a.txt': '贵州的数据中心集群位于贵安新区。' });
    const config = await testConfig(seeds, { INGEST_WORKERS: '0' });
    await ingestInProcess(config, { full: false });
    await writeFile(join(seeds, 'c.txt'), '甘肃庆阳集群重点服务京津冀。');
    const { live, open: release } = gatedLiveEngine(config);
    await live.start();
    assert.ok(live.current(), 'serving before the rebuild finishes');
    assert.equal(live.status().refreshing, true);
    assert.match(live.status().reason!, /c\.txt is new/);
    assert.ok(!(await sourcesFor(live, '庆阳')).includes('c.txt'));
    release();
    await until(async () => (await sourcesFor(live, '庆阳')).includes('c.txt'));
    await until(() => !live.status().refreshing);
  });

  it('starting while another process ingests waits for its index instead of failing', async () => {
    const seeds = await makeSeeds({ 'a.txt': '贵州的数据中心集群位于贵安新区。' });
    const config = await testConfig(seeds, { INGEST_WORKERS: '0' });
    // The lock names a live process (this one) as the writer, as a running `npm run ingest` would.
    await writeFile(join(config.INDEX_DIR, 'ingest.lock'), String(process.pid));
    const live = liveEngine(config, async () => {
      throw new IngestBusyError(process.pid);
    });
    let started = false;
    const starting = live.start().then(() => (started = true));
    await until(() => live.status().state === 'waiting_for_other_ingest');
    assert.equal(started, false);
    assert.equal(live.current(), undefined);
    await ingestInProcess(config, { full: false });
    await starting;
    assert.equal(await topSource(live, '贵安新区'), 'a.txt');
  });

  it('refresh() ingests now and resolves once the new version is served; calls during a refresh are queued behind it', async () => {
    const seeds = await makeSeeds({ 'a.txt': '贵州的数据中心集群位于贵安新区。' });
    const config = await testConfig(seeds, { INGEST_WORKERS: '0' });
    let runs = 0;
    const live = liveEngine(config, async (c, run) => {
      runs++;
      return ingestInProcess(c, run);
    });
    await live.start();
    await writeFile(join(seeds, 'd.txt'), '成渝集群要平衡好城市与城市周边的算力资源部署。');
    const first = live.refresh('d.txt uploaded');
    await writeFile(join(seeds, 'e.txt'), '芜湖集群承接长三角中心城市实时性算力需求。');
    const second = live.refresh('e.txt uploaded');
    const third = live.refresh('e.txt uploaded');
    assert.equal(second, third);
    await first;
    const result = await second;
    assert.equal(runs, 3, 'the first index, the refresh, and one queued refresh for both later calls');
    assert.equal(result.version, live.status().version);
    assert.equal(await topSource(live, '芜湖集群'), 'e.txt');
    assert.equal(await topSource(live, '成渝集群'), 'd.txt');
  });

  it('a damaged published version is reported and not served: the previous good version keeps answering, and a plain ingest repairs it', async () => {
    const seeds = await makeSeeds({ 'a.txt': '贵州的数据中心集群位于贵安新区。' });
    const config = await testConfig(seeds, { INGEST_WORKERS: '0' });
    await ingestInProcess(config, { full: false });
    const good = (await currentVersionDir(config.INDEX_DIR))!;
    await writeFile(join(seeds, 'b.txt'), '内蒙古的和林格尔集群主要承担后台加工。');
    await ingestInProcess(config, { full: false });
    const damaged = (await currentVersionDir(config.INDEX_DIR))!;
    await truncate(join(damaged, 'vectors-0.hnsw'), 0);

    const { live: gated, open: refreshDone } = gatedLiveEngine(config);
    await gated.start();
    assert.equal(gated.current()!.directory, good, 'the newest version that loads is served');
    assert.match(gated.status().lastError!, /vectors-0\.hnsw/);
    assert.equal(gated.status().reason, 'the published index cannot be read');
    refreshDone();
    await until(async () => (await topSource(gated, '和林格尔')) === 'b.txt');
    assert.equal(gated.status().lastError, null);
  });
});
