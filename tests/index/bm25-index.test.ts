import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bm25Idf, bm25TermScore } from '../../src/index/bm25.ts';
import { Bm25Builder } from '../../src/index/bm25-builder.ts';
import { Bm25Index } from '../../src/index/bm25-index.ts';
import { Bm25Segment } from '../../src/index/bm25-segment.ts';

test('bm25 scoring: rarer terms and more occurrences score higher, longer documents lower', () => {
  assert.ok(bm25Idf(1, 100) > bm25Idf(50, 100));
  assert.ok(bm25Idf(100, 100) > 0);
  const idf = bm25Idf(3, 100);
  assert.ok(bm25TermScore(3, idf, 10, 10) > bm25TermScore(1, idf, 10, 10));
  assert.ok(bm25TermScore(1, idf, 5, 10) > bm25TermScore(1, idf, 20, 10));
});

const DOCS = [['贵州', '数据中心', '集群'], ['数据中心', '能耗', '数据中心'], ['白酒', '赤水河'], ['数据中心', '贵州', '白酒']];

function segmented(size: number): Bm25Index {
  const segments: Bm25Segment[] = [];
  let builder = new Bm25Builder(0);
  for (const doc of DOCS) {
    builder.addDocument(doc);
    if (builder.documentCount === size) {
      const segment = builder.build();
      segments.push(segment);
      builder = new Bm25Builder(segment.base + segment.documentCount);
    }
  }
  if (builder.documentCount) segments.push(builder.build());
  return new Bm25Index(segments);
}

test('search ranks by BM25 and reports the matched terms', () => {
  const index = segmented(10);
  const hits = index.search(['数据中心', '能耗'], 10);
  assert.equal(hits[0]!.doc, 1);
  assert.deepEqual(hits[0]!.matchedTerms, ['数据中心', '能耗']);
  assert.deepEqual(new Set(hits.map((h) => h.doc)), new Set([0, 1, 3]));
  assert.deepEqual(index.search(['不存在'], 10), []);
  assert.equal(index.documentFrequency('数据中心'), 3);
});

test('cutting the index into segments changes no score', () => {
  const whole = segmented(10);
  for (const size of [1, 2, 3]) {
    const cut = segmented(size);
    assert.equal(cut.segments.length, Math.ceil(DOCS.length / size));
    assert.deepEqual(cut.search(['数据中心', '白酒', '贵州'], 10), whole.search(['数据中心', '白酒', '贵州'], 10));
    assert.equal(cut.lengthOf(1), 3);
    assert.deepEqual(cut.termsOf(1).sort(), [['数据中心', 2], ['能耗', 1]].sort());
  }
});

test('a segment round-trips through save and load', async () => {
  const builder = new Bm25Builder(7);
  builder.addDocument(['数据中心', '白酒']);
  builder.addCountedDocument(5, [['赤水河', 3]]);
  const segment = builder.build();
  const file = join(await mkdtemp(join(tmpdir(), 'bm25-')), 'bm25-0.bin');
  await segment.save(file);
  const loaded = await Bm25Segment.load(file);
  assert.equal(loaded.base, 7);
  assert.deepEqual(new Bm25Index([loaded]).search(['赤水河', '白酒'], 5), new Bm25Index([segment]).search(['赤水河', '白酒'], 5));
  assert.deepEqual(loaded.termsOf(8), [['赤水河', 3]]);
  assert.equal(new Bm25Index([loaded]).lengthOf(8), 5);
});
