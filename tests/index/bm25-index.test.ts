import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { bm25Idf, bm25TermScore } from '../../src/index/bm25.ts';
import { Bm25Builder } from '../../src/index/bm25-builder.ts';
import { Bm25Index } from '../../src/index/bm25-index.ts';
import { Bm25Segment } from '../../src/index/bm25-segment.ts';
import { withBigrams } from '../../src/retrieval/search-terms.ts';
import { cjkBigramKeys } from '../../src/text/bigrams.ts';
import { countTerms } from '../../src/text/term-counts.ts';
import { tempDir } from '../support/temp-dir.ts';

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
  const file = join(await tempDir('bm25-'), 'bm25-0.bin');
  await segment.save(file);
  const loaded = await Bm25Segment.load(file);
  assert.equal(loaded.base, 7);
  assert.deepEqual(new Bm25Index([loaded]).search(['赤水河', '白酒'], 5), new Bm25Index([segment]).search(['赤水河', '白酒'], 5));
  assert.deepEqual(loaded.termsOf(8), [['赤水河', 3]]);
  assert.equal(new Bm25Index([loaded]).lengthOf(8), 5);
});

/** Exhaustive BM25 over every query term, the ranking pruned search must reproduce exactly. */
function exhaustive(docs: string[][], query: string[], k: number) {
  const n = docs.length;
  const average = docs.reduce((s, d) => s + d.length, 0) / n;
  const scores = new Map<number, number>();
  for (const term of new Set(query)) {
    const df = docs.filter((d) => d.includes(term)).length;
    if (!df) continue;
    docs.forEach((d, doc) => {
      const tf = d.filter((t) => t === term).length;
      if (tf) scores.set(doc, (scores.get(doc) ?? 0) + bm25TermScore(tf, bm25Idf(df, n), d.length, average));
    });
  }
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
}

test('pruned top-k search ranks exactly as exhaustive scoring, across segments, in memory and read from disk', async () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  // Zipf-like vocabulary: a few terms in most documents, many rare ones.
  const vocabulary = Array.from({ length: 300 }, (_, i) => `词${i}`);
  const pick = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const docs = Array.from({ length: 2000 }, () => Array.from({ length: 5 + Math.floor(random() * 40) }, pick));
  const segments: Bm25Segment[] = [];
  for (let base = 0; base < docs.length; base += 700) {
    const builder = new Bm25Builder(base);
    for (const doc of docs.slice(base, base + 700)) builder.addDocument(doc);
    segments.push(builder.build());
  }
  const dir = await tempDir('bm25-');
  const loaded = await Promise.all(
    segments.map(async (segment, i) => {
      await segment.save(join(dir, `bm25-${i}.bin`));
      return Bm25Segment.load(join(dir, `bm25-${i}.bin`));
    }),
  );
  const index = new Bm25Index(segments);
  const fromDisk = new Bm25Index(loaded);
  for (let q = 0; q < 60; q++) {
    const query = Array.from({ length: 2 + Math.floor(random() * 12) }, pick);
    for (const k of [1, 5, 50]) {
      const hits = index.search(query, k);
      assert.deepEqual(fromDisk.search(query, k), hits);
      const expected = exhaustive(docs, query, k);
      assert.deepEqual(hits.map((h) => h.doc), expected.map(([doc]) => doc), `query ${query.join(' ')} k=${k}`);
      hits.forEach((h, i) => assert.ok(Math.abs(h.score - expected[i]![1]) < 1e-9));
      for (const hit of hits) assert.deepEqual(new Set(hit.matchedTerms), new Set(query.filter((t) => docs[hit.doc]!.includes(t))));
    }
  }
});

test('a long query keeps its most informative terms, not its first ones', () => {
  const builder = new Bm25Builder(0);
  const common = Array.from({ length: 40 }, (_, i) => `常见${i}`);
  for (let d = 0; d < 50; d++) builder.addDocument(d === 42 ? [...common, '罕见'] : common);
  const index = new Bm25Index([builder.build()]);
  const [top] = index.search([...common, '罕见'], 1);
  assert.equal(top!.doc, 42);
  assert.ok(top!.matchedTerms.includes('罕见'));
  assert.equal(top!.matchedTerms.length, 32);
});

test('a document added as words and bigram keys indexes the same terms as one added as strings', () => {
  const texts = ['数据中心节能降耗，数据中心集群', '锂电池回收利用', '数据要素市场'];
  const byStrings = new Bm25Builder(0);
  const byKeys = new Bm25Builder(0);
  for (const text of texts) {
    const words = text.split(/[，]/);
    byStrings.addDocument(withBigrams(words, text));
    byKeys.addTokenised(countTerms(words, cjkBigramKeys(text)));
  }
  const [a, b] = [new Bm25Index([byStrings.build()]), new Bm25Index([byKeys.build()])];
  for (const query of [['·数据', '·中心'], ['锂电池回收利用', '·回收'], ['·要素', '数据中心节能降耗']]) {
    assert.deepEqual(b.search(query, 10), a.search(query, 10));
    assert.ok(a.search(query, 10).length > 0);
  }
});
