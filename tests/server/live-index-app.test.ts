import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import { makeSeeds, testConfig } from '../ingest/fixtures.ts';
import { inProcessLive, liveAppOptions } from '../serving/in-process-live.ts';


describe('the app over a live index', async () => {
  const seeds = await makeSeeds({ 'a.txt': '贵州的数据中心集群位于贵安新区。' });
  const config = await testConfig(seeds, { INGEST_WORKERS: '0' });
  const live = inProcessLive(config);
  const app = await buildApp({ config, ...liveAppOptions(live), logger: false });
  after(() => app.close());

  it('reports the served version in /readyz, refreshes on demand, and releases every lease its requests took', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 503);
    await live.start();
    const first = (await app.inject({ method: 'GET', url: '/readyz' })).json().index;
    assert.equal(first.version, live.status().version);
    assert.equal(first.refreshing, false);

    const old = live.current()!;
    let closed = false;
    const close = old.close;
    old.close = () => {
      closed = true;
      close();
    };
    for (let i = 0; i < 10; i++) assert.equal((await app.inject({ method: 'POST', url: '/v1/search', payload: { query: '贵安新区' } })).statusCode, 200);

    await writeFile(join(seeds, 'b.txt'), '内蒙古的和林格尔集群主要承担后台加工。');
    const result = await app.refreshIndex('b.txt added');
    assert.notEqual(result.version, first.version);
    const search = (await app.inject({ method: 'POST', url: '/v1/search', payload: { query: '和林格尔', k: 1 } })).json();
    assert.equal(search.results[0].source, 'b.txt');
    assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).json().index.version, result.version);
    assert.equal(live.status().draining, 0, 'finished requests hold no lease');
    assert.ok(closed, 'the replaced version was closed');
  });
});
