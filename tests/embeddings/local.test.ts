import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocalHashEmbeddings } from '../../src/embeddings/local.ts';
import { LocalEmbeddingStats } from '../../src/embeddings/local-stats.ts';
import { hashFeature } from '../../src/embeddings/feature-hashing.ts';
import { cjkBigrams } from '../../src/text/bigrams.ts';
import { normaliseForMatch } from '../../src/text/normalise.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.ts';

const tokenizer = new JiebaTokenizer();
const cosine = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

test('vectors are deterministic, of the configured dimension and unit length', async () => {
  const embeddings = new LocalHashEmbeddings({ dimensions: 128, tokenizer });
  const [a, b] = await embeddings.embedDocuments(['贵州加快推进东数西算工程', '贵州加快推进东数西算工程']);
  assert.equal(a!.length, 128);
  assert.deepEqual(a, b);
  assert.ok(Math.abs(Math.sqrt(cosine(a!, a!)) - 1) < 1e-9);
  assert.deepEqual(await embeddings.embedQuery('贵州加快推进东数西算工程'), a);
});

test('similar texts are closer than unrelated ones, across scripts', async () => {
  const embeddings = new LocalHashEmbeddings({ dimensions: 256, tokenizer });
  const query = await embeddings.embedQuery('数据中心要利用哪些可再生能源？');
  const related = await embeddings.embedQuery('推动数据中心充分利用风能、太阳能等可再生能源。');
  const traditional = await embeddings.embedQuery('數據中心要利用哪些可再生能源？');
  const unrelated = await embeddings.embedQuery('发挥赤水河流域酱香型白酒原产地优势。');
  assert.ok(cosine(query, related) > cosine(query, unrelated) + 0.2);
  assert.ok(cosine(query, traditional) > 0.99);
});

test('IDF statistics make rare shared terms count more than common ones', async () => {
  const stats = new LocalEmbeddingStats(16);
  const embeddings = new LocalHashEmbeddings({ dimensions: 256, tokenizer, stats });
  const corpus = ['数字经济发展', '数字经济治理', '数字经济规划', '锂离子电池产业'];
  for (const text of corpus) stats.observe(embeddings.slotsOf(embeddings.features(text).hashes));
  assert.equal(stats.docCount, 4);
  const q = await embeddings.embedQuery('锂离子电池数字经济');
  const [common, rare] = await embeddings.embedDocuments(['数字经济发展', '锂离子电池产业']);
  assert.ok(cosine(q, rare!) > cosine(q, common!));
});

test('features are the hashes of the words and bigrams, each once, weighted by kind and repeats', () => {
  const embeddings = new LocalHashEmbeddings({ dimensions: 64, tokenizer });
  const text = normaliseForMatch('数据中心节能，数据中心用电');
  const words = tokenizer.tokenizeNormalised(text);
  const { hashes, weights } = embeddings.featuresFromTerms(words, text);
  const expected = new Map<number, number>();
  const add = (hash: number, weight: number) => expected.set(hash, (expected.get(hash) ?? 0) + weight);
  const counted = (items: string[]) => [...new Set(items)].map((item) => [item, items.filter((i) => i === item).length] as const);
  for (const [word, tf] of counted(words)) add(hashFeature('w:' + word), 1 + Math.log(tf));
  for (const [bigram, tf] of counted(cjkBigrams(text))) add(hashFeature('b:' + bigram), 0.3 * (1 + Math.log(tf)));
  assert.equal(hashes.length, expected.size);
  hashes.forEach((hash, i) => assert.ok(Math.abs(weights[i]! - expected.get(hash)!) < 1e-6, `feature ${hash}`));
});

test('a text with no words embeds to the zero vector rather than NaN', async () => {
  const embeddings = new LocalHashEmbeddings({ dimensions: 64, tokenizer });
  const v = await embeddings.embedQuery('？！。…');
  assert.ok(v.every((x) => x === 0));
});

test('statistics survive a save and load unchanged', async () => {
  const stats = new LocalEmbeddingStats(12);
  stats.observe([1, 5, 4095]);
  stats.observe([5]);
  const file = join(await tempDir('stats-'), 'stats.bin');
  await stats.save(file);
  const loaded = await LocalEmbeddingStats.load(file);
  assert.equal(loaded.docCount, 2);
  assert.equal(loaded.df[5], 2);
  assert.equal(loaded.df[4095], 1);
  assert.equal(loaded.idf(5), stats.idf(5));
});

test('rejects a dimension that cannot hold features', () => {
  assert.throws(() => new LocalHashEmbeddings({ dimensions: 4, tokenizer }), RangeError);
});
