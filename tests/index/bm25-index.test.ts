import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bm25Idf, bm25TermScore } from '../../src/index/bm25.ts';
import { Bm25Builder, Bm25Index } from '../../src/index/bm25-index.ts';

test('bm25 scoring: rarer terms and more occurrences score higher, longer documents lower', () => {
  assert.ok(bm25Idf(1, 100) > bm25Idf(50, 100));
  assert.ok(bm25Idf(100, 100) > 0);
  const idf = bm25Idf(3, 100);
  assert.ok(bm25TermScore(3, idf, 10, 10) > bm25TermScore(1, idf, 10, 10));
  assert.ok(bm25TermScore(1, idf, 5, 10) > bm25TermScore(1, idf, 20, 10));
});

function sample(): Bm25Index {
  const builder = new Bm25Builder();
  builder.addDocument(['贵州', '数据中心', '集群']);
  builder.addDocument(['数据中心', '能耗', '数据中心']);
  builder.addDocument(['白酒', '赤水河']);
  return builder.build();
}

test('search ranks by BM25 and reports the matched terms', () => {
  const index = sample();
  const hits = index.search(['数据中心', '能耗'], 10);
  assert.deepEqual(hits.map((h) => h.doc), [1, 0]);
  assert.deepEqual(hits[0]!.matchedTerms, ['数据中心', '能耗']);
  assert.deepEqual(hits[1]!.matchedTerms, ['数据中心']);
  assert.deepEqual(index.search(['不存在'], 10), []);
  assert.equal(index.documentFrequency('数据中心'), 2);
});

test('an index round-trips through save and load', async () => {
  const index = sample();
  const file = join(await mkdtemp(join(tmpdir(), 'bm25-')), 'bm25.bin');
  await index.save(file);
  const loaded = await Bm25Index.load(file);
  assert.deepEqual(loaded.search(['数据中心', '白酒'], 10), index.search(['数据中心', '白酒'], 10));
  assert.equal(loaded.documentCount, 3);
});

test('postings can be carried into a new index with renumbered documents', () => {
  const old = sample();
  const builder = new Bm25Builder();
  builder.addDocument(['新', '文档']);
  const keep = new Map([[2, builder.addDocumentPostings(old.lengths[2]!)]]);
  old.forEachPosting((doc) => keep.get(doc), (term, doc, tf) => builder.addPosting(term, doc, tf));
  const rebuilt = builder.build();
  assert.deepEqual(rebuilt.search(['白酒'], 5).map((h) => h.doc), [1]);
  assert.deepEqual(rebuilt.search(['数据中心'], 5), []);
});
