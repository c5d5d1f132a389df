import assert from 'node:assert/strict';
import { readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { loadIndex } from '../../src/index/loaded-index.ts';
import { currentVersionDir } from '../../src/index/versions.ts';
import { openRetriever } from '../../src/retrieval/open-retriever.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { makeSeeds, seedText, silentLog, testConfig } from '../ingest/fixtures.ts';

const tokenizer = new JiebaTokenizer();

/** Each way an index file was found damaged: removed, cut short, emptied, zeroed mid-file, shifted by a byte. */
const CORRUPTIONS: Record<string, (file: string) => Promise<void>> = {
  missing: (file) => rm(file),
  truncated: async (file) => truncate(file, Math.floor((await stat(file)).size / 2)),
  empty: (file) => truncate(file, 0),
  'zeroed mid-file': async (file) => {
    const bytes = await readFile(file);
    bytes.fill(0, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 64);
    await writeFile(file, bytes);
  },
  'shifted by a byte': async (file) => {
    const bytes = await readFile(file);
    await writeFile(file, Buffer.concat([Buffer.from([0x20]), bytes.subarray(0, bytes.length - 1)]));
  },
};

/** Which corruptions each file is put through (all for the vectors, the ones seen in the field for the rest). */
const CASES: Record<string, string[]> = {
  'vectors-0.hnsw': Object.keys(CORRUPTIONS),
  'originals.txt': ['truncated', 'shifted by a byte', 'zeroed mid-file'],
  'chunks.jsonl': ['missing', 'zeroed mid-file'],
};

async function freshIndex(): Promise<Config> {
  const seed = (await seedText()).slice(0, 3000);
  const config = await testConfig(await makeSeeds({ 'a.txt': seed, 'b.txt': '内蒙古的和林格尔集群主要承担后台加工。' }), { INGEST_WORKERS: '0' });
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  return config;
}

describe('index integrity', () => {
  for (const [file, hows] of Object.entries(CASES)) {
    for (const how of hows) {
      const corrupt = CORRUPTIONS[how]!;
      it(`${file} ${how}: loading reports INDEX_CORRUPT naming the file, and a plain ingest repairs it`, async () => {
        const config = await freshIndex();
        const version = (await currentVersionDir(config.INDEX_DIR))!;
        await corrupt(join(version, file));
        await assert.rejects(loadIndex(config.INDEX_DIR), (error: { code?: string; message: string }) => {
          assert.equal(error.code, 'INDEX_CORRUPT');
          assert.ok(error.message.includes(file), error.message);
          assert.ok(error.message.includes('npm run ingest'), error.message);
          return true;
        });
        const warnings: string[] = [];
        const report = await buildIndex(ingestOptionsFromConfig(config, { info: () => undefined, warn: (m) => warnings.push(m) }, tokenizer));
        assert.deepEqual(report.added.sort(), ['a.txt', 'b.txt'], 'the damaged index is not reused');
        assert.ok(warnings.some((w) => w.includes('not reusable')), warnings.join('\n'));
        const { retriever, index } = await openRetriever(config, tokenizer);
        const [hit] = await retriever.search('和林格尔', 1);
        assert.equal(hit!.source, 'b.txt');
        assert.equal((await index.originals.read('b.txt'))!.slice(hit!.start, hit!.end), hit!.text);
        index.close();
      });
    }
  }
});
