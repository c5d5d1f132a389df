import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FeatureSpillWriter } from '../../src/embeddings/feature-spill.ts';
import { LocalHashEmbeddings } from '../../src/embeddings/local.ts';
import { LocalEmbeddingStats } from '../../src/embeddings/local-stats.ts';
import { embedVectors } from '../../src/ingest/embed-vectors.ts';
import { vectorsFile } from '../../src/index/vector-store.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { normaliseForMatch } from '../../src/text/normalise.ts';
import { tempDir } from '../support/temp-dir.ts';

const tokenizer = new JiebaTokenizer();
const TOTAL = 300;
const SEGMENT = 128;

/** Spills the features of TOTAL short texts into `dir` and returns what embedVectors needs besides the plan's options. */
async function spilled(dir: string) {
  const stats = new LocalEmbeddingStats(16);
  const embeddings = new LocalHashEmbeddings({ dimensions: 32, tokenizer, stats });
  const spill = new FeatureSpillWriter(join(dir, 'features.tmp'));
  for (let i = 0; i < TOTAL; i++) {
    const text = normaliseForMatch(`第${i}号数据中心在${['贵阳', '遵义', '安顺'][i % 3]}，装机${i * 7}台服务器，用电${i % 11}万度`);
    const features = embeddings.featuresFromTerms(tokenizer.tokenizeNormalised(text), text);
    stats.observe(embeddings.slotsOf(features.hashes));
    await spill.write(features);
  }
  await spill.close();
  return { embeddings, spillFile: spill.file };
}

async function build(graphWorker: boolean, staging: string) {
  const { embeddings, spillFile } = await spilled(staging);
  const progress = { phase: 'embed' as const, filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, chunks: TOTAL, embedded: 0 };
  const plan = { staging, chunksFile: join(staging, 'none'), spillFile, total: TOTAL, segmentSize: SEGMENT, dimensions: 32, embeddings, previous: null, reusedFrom: new Map(), batchSize: 64, progress };
  const result = await embedVectors({ ...plan, graphWorker });
  return { result, progress };
}

test('graphs built in a worker thread are byte for byte the graphs built in-line', async () => {
  const [inline, threads] = [await tempDir('graphs-'), await tempDir('graphs-')];
  try {
    const one = await build(false, inline);
    const two = await build(true, threads);
    assert.deepEqual(two.result, { dimensions: 32, segments: 3 });
    assert.deepEqual(one.result, two.result);
    assert.equal(two.progress.embedded, TOTAL);
    for (let s = 0; s < 3; s++) assert.ok((await readFile(join(threads, vectorsFile(s)))).equals(await readFile(join(inline, vectorsFile(s)))), `segment ${s}`);
  } finally {
    await Promise.all([rm(inline, { recursive: true }), rm(threads, { recursive: true })]);
  }
});
