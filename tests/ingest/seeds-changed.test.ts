import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { HEADING_RULES } from '../../src/chunking/headings.ts';
import { MANIFEST_FILE, readManifest } from '../../src/index/manifest.ts';
import { currentVersionDir } from '../../src/index/versions.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { settingsChange } from '../../src/ingest/seeds-changed.ts';
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
