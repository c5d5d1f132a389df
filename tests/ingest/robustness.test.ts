import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rm, symlink, writeFile } from 'node:fs/promises';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../src/engine.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { describeReport } from '../../src/ingest/describe-report.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { seedsChange } from '../../src/ingest/seeds-changed.ts';
import { loadIndex } from '../../src/index/loaded-index.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { startFakeOpenAiServer } from '../support/fake-openai-server.ts';
import { makeSeeds, silentLog, testConfig } from './fixtures.ts';

const tokenizer = new JiebaTokenizer();
const BINARY = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0]);

test('a file that disappears while ingest runs is skipped, and the rest is indexed', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`${String(i).padStart(2, '0')}.txt`] = `第${i}份文档讲数字经济。`;
  const seeds = await makeSeeds(files);
  const config = await testConfig(seeds);
  let removed = false;
  const report = await buildIndex({
    ...ingestOptionsFromConfig(config, silentLog, tokenizer),
    onProgress: (p) => {
      if (p.filesDone === 1 && !removed) {
        removed = true;
        rmSync(join(seeds, '19.txt'));
      }
    },
  });
  assert.deepEqual(report.skipped.map((s) => s.source), ['19.txt']);
  assert.equal(report.added.length, 19);
});

test('a skipped file that is fixed counts as a change; one left as it was does not', async () => {
  const seeds = await makeSeeds({ 'a.txt': '贵州数字经济。', 'b.txt': BINARY });
  const config = await testConfig(seeds);
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  const { manifest } = await loadIndex(config.INDEX_DIR);
  assert.equal(await seedsChange(seeds, manifest), null);
  await writeFile(join(seeds, 'b.txt'), '现在是可读的文本。');
  assert.equal(await seedsChange(seeds, manifest), 'b.txt changed');
});

test('a loaded index keeps reading originals after newer ingests delete its version', async () => {
  const seeds = await makeSeeds({ 'a.txt': '第一版。' });
  const config = await testConfig(seeds);
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  const loaded = await loadIndex(config.INDEX_DIR);
  for (const text of ['第二版。', '第三版。']) {
    await writeFile(join(seeds, 'b.txt'), text);
    await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  }
  assert.equal(await loaded.originals.read('a.txt'), '第一版。');
});

test('the service starts on its index when the seeds folder is gone', async () => {
  const seeds = await makeSeeds({ 'a.txt': '贵州加快推进东数西算工程。' });
  const config = await testConfig(seeds);
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  await rm(seeds, { recursive: true });
  const warnings: string[] = [];
  const engine = await loadEngine(config, { info: () => undefined, warn: (m) => warnings.push(m) });
  assert.equal(engine.stats.chunks, 1);
  assert.match(warnings[0]!, /does not exist/);
});

test('with a remote embedder, an index started empty takes the model’s size once documents arrive', async () => {
  const fake = await startFakeOpenAiServer();
  try {
    const seeds = await makeSeeds({});
    const config = await testConfig(seeds, { EMBEDDINGS: 'openai', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'k', INGEST_WORKERS: '0' });
    await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
    await writeFile(join(seeds, 'a.txt'), '贵州数字经济。');
    const report = await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
    assert.deepEqual(report.added, ['a.txt']);
    assert.equal((await loadIndex(config.INDEX_DIR)).manifest.embedder.dimensions, 16);
  } finally {
    await fake.close();
  }
});

test('links and files of other types are skipped with one warning line each, and counted in the report', async () => {
  const seeds = await makeSeeds({ 'a.txt': '贵州的数据中心集群位于贵安新区。', 'docs/b.md': '# 标题\n内容。', 'notes.xls': 'a spreadsheet' });
  await symlink(join(seeds, 'a.txt'), join(seeds, 'link.txt'));
  await symlink(join(seeds, 'docs'), join(seeds, 'linked-docs'));
  const warnings: string[] = [];
  const report = await buildIndex(ingestOptionsFromConfig(await testConfig(seeds), { info: () => undefined, warn: (m) => warnings.push(m) }, tokenizer));
  assert.deepEqual(report.added, ['a.txt', 'docs/b.md']);
  assert.deepEqual(report.skipped, [
    { source: 'link.txt', reason: 'symbolic links are not followed' },
    { source: 'linked-docs', reason: 'symbolic links are not followed' },
    { source: 'notes.xls', reason: 'not a supported document type (.txt, .md, .markdown, .html, .htm, .pdf, .docx)' },
  ]);
  assert.deepEqual(warnings, report.skipped.map((s) => `Skipping ${s.source}: ${s.reason}`));
  assert.match(describeReport(report), /skipped 3 \(link\.txt, linked-docs, notes\.xls\)/);
});

test('a loaded index closes every file it reads from, and an incremental ingest leaves none open', async () => {
  const seeds = await makeSeeds({ 'a.txt': '贵州数字经济。', 'b.txt': '赤水河白酒。' });
  const config = await testConfig(seeds);
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  const openFiles = () => readdirSync('/proc/self/fd').length;
  const before = openFiles();
  const index = await loadIndex(config.INDEX_DIR);
  assert.ok(openFiles() > before);
  index.close();
  assert.equal(openFiles(), before);
  await writeFile(join(seeds, 'b.txt'), '赤水河酱香型白酒。');
  const report = await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  assert.deepEqual(report.unchanged, ['a.txt']);
  assert.equal(openFiles(), before);
});
