import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HnswVectorStore } from '../../src/index/vector-store.ts';
import { inThreadGraph, workerGraph } from '../../src/ingest/segment-graphs.ts';
import { LocalHashEmbeddings } from '../../src/embeddings/local.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { tempDir } from '../support/temp-dir.ts';

const unit = (i: number, dims: number) => Array.from({ length: dims }, (_, d) => (d === i % dims ? 1 : 0.01));

for (const [name, open] of [['in-line', inThreadGraph], ['worker', workerGraph]] as const) {
  test(`${name}: a finished graph holds every point under its label`, async () => {
    const dir = await tempDir('graph-');
    try {
      const graph = open(join(dir, 'vectors-0.hnsw'), 8, 600);
      for (let label = 0; label < 600; label++) await graph.add(unit(label, 8), label);
      await graph.finish();
      const store = await HnswVectorStore.open(dir, { dimensions: 8, segments: 1, segmentSize: 600 }, new LocalHashEmbeddings({ dimensions: 8, tokenizer: new JiebaTokenizer() }), () => undefined);
      assert.equal(store.segments[0]!.getCurrentCount(), 600);
      assert.deepEqual(store.vectorOf(599).map((v) => Math.round(v * 100)), unit(599, 8).map((v) => Math.round((v / Math.hypot(...unit(599, 8))) * 100)));
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test(`${name}: more points than the graph was made for fail the build rather than hang it`, async () => {
    const dir = await tempDir('graph-');
    const graph = open(join(dir, 'vectors-0.hnsw'), 8, 2);
    try {
      await assert.rejects(async () => {
        for (let label = 0; label < 3; label++) await graph.add(unit(label, 8), label);
        await graph.finish();
      }, /exceeds|limit/i);
    } finally {
      await graph.abandon();
      await rm(dir, { recursive: true });
    }
  });
}
