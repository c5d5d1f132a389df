import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { openRetriever } from '../../src/retrieval/open-retriever.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { makeSeeds, PROJECT_ROOT, seedText, silentLog, testConfig } from './fixtures.ts';

const tokenizer = new JiebaTokenizer();

test('killing an ingest midway leaves the previous index serving', async () => {
  const seeds = await makeSeeds({ 'old.txt': '旧索引里的文档讲赤水河流域酱香型白酒。' });
  const config = await testConfig(seeds);
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));

  // Enough new text that the ingest is still running when it is killed.
  const seed = await seedText();
  const many: Record<string, string> = {};
  for (let i = 0; i < 150; i++) many[`big/${i}.txt`] = `${i}号副本。\n${seed}`;
  const bigSeeds = await makeSeeds(many);
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'ingest', 'cli.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEEDS_DIR: bigSeeds, INDEX_DIR: config.INDEX_DIR, EMBEDDING_DIM: '64' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The first progress line means the staging folder exists and is being written.
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (data: Buffer) => {
      if (data.toString().includes('ingest read')) resolve();
    });
    child.on('exit', () => reject(new Error('ingest finished before it could be killed')));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('close', resolve));

  const staging = (await readdir(join(config.INDEX_DIR, 'versions'))).filter((v) => v.startsWith('staging-'));
  assert.equal(staging.length, 1, 'the killed ingest left its unfinished staging folder');
  const { retriever, index } = await openRetriever(config, tokenizer);
  assert.deepEqual(Object.keys(index.manifest.files), ['old.txt']);
  assert.equal((await retriever.search('酱香型白酒', 1))[0]!.source, 'old.txt');

  // The next ingest takes over the dead lock, clears the leftovers and publishes.
  const report = await buildIndex(ingestOptionsFromConfig({ ...config, SEEDS_DIR: seeds }, silentLog, tokenizer));
  assert.deepEqual(report.unchanged, ['old.txt']);
  assert.equal((await readdir(join(config.INDEX_DIR, 'versions'))).filter((v) => v.startsWith('staging-')).length, 0);
});
