import assert from 'node:assert/strict';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { HEADING_RULES } from '../../src/chunking/headings.ts';
import { MANIFEST_FILE, readManifest } from '../../src/index/manifest.ts';
import { currentVersionDir } from '../../src/index/versions.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { seedsChange, settingsChange } from '../../src/ingest/seeds-changed.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { makeSeeds, silentLog, testConfig } from './fixtures.ts';

test('an index cut under other heading rules (or before they were recorded) is due for a rebuild', async () => {
  const config = await testConfig(await makeSeeds({ 'a.txt': '一、总体要求\n坚持创新引领。推动融合发展。\n' }));
  await buildIndex(ingestOptionsFromConfig(config, silentLog, new JiebaTokenizer()));
  const version = (await currentVersionDir(config.INDEX_DIR)) as string;
  const manifest = await readManifest(version);
  assert.equal(manifest.chunking.headingRules, HEADING_RULES);
  assert.equal(settingsChange(manifest, config), null);
  assert.equal(settingsChange({ ...manifest, chunking: { ...manifest.chunking, headingRules: HEADING_RULES - 1 } }, config), 'the heading rules changed');

  const raw = JSON.parse(await readFile(join(version, MANIFEST_FILE), 'utf8')) as { chunking: Record<string, number> };
  delete raw.chunking.headingRules;
  await writeFile(join(version, MANIFEST_FILE), JSON.stringify(raw));
  assert.equal(settingsChange(await readManifest(version), config), 'the heading rules changed');
});

test('a file is re-read only when its time moved: same size and time is unchanged, new bytes under a new time are a change', async () => {
  const seeds = await makeSeeds({ 'a.txt': '贵州数字经济。', 'b.txt': '赤水河白酒。' });
  const config = await testConfig(seeds);
  await buildIndex(ingestOptionsFromConfig(config, silentLog, new JiebaTokenizer()));
  const manifest = await readManifest((await currentVersionDir(config.INDEX_DIR))!);
  const path = join(seeds, 'a.txt');
  assert.equal(manifest.files['a.txt']!.modified, (await stat(path)).mtimeMs);
  assert.equal(await seedsChange(seeds, manifest), null);

  // Touched, same bytes: hashed and found equal.
  await utimes(path, new Date(), new Date(Date.now() + 5000));
  assert.equal(await seedsChange(seeds, manifest), null);
  // Same size, other bytes, new time: a change.
  await writeFile(path, '贵州数字政府。');
  assert.equal((await stat(path)).size, manifest.files['a.txt']!.bytes);
  assert.equal(await seedsChange(seeds, manifest), 'a.txt changed');
});
