import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { openRetriever, type OpenedRetriever } from '../../src/retrieval/open-retriever.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { toTraditional } from '../../src/text/normalise.ts';
import { makeSeeds, seedText, silentLog, testConfig } from '../ingest/fixtures.ts';

const tokenizer = new JiebaTokenizer();
let opened: OpenedRetriever;
let seed: string;

before(async () => {
  seed = await seedText();
  const config = await testConfig(await makeSeeds({ 'seed.txt': seed }), { EMBEDDING_DIM: '256' });
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  opened = await openRetriever(config, tokenizer);
});

// Questions of our own about the seed, each with a phrase the top passage must hold.
const QUESTIONS: [string, string][] = [
  ['贵州数字经济增加值占GDP的比重到2025年要达到多少？', '在GDP中的占比达到50%左右'],
  ['综合算力指数在全国排第几？', '综合算力指数排名全国第9'],
  ['哪些地方要打造非实时性算力保障基地？', '打造面向全国的非实时性算力保障基地'],
  ['赤水河流域要建设什么基地？', '建设全国重要的白酒生产基地'],
  ['FAST数据国际共享云平台', '建设FAST 数据国际共享云平台'],
];

test('the passage that answers a question comes first, for simplified and traditional questions alike', async () => {
  for (const [question, phrase] of QUESTIONS) {
    for (const asked of [question, toTraditional(question)]) {
      const [top] = await opened.retriever.search(asked, 5);
      assert.ok(top!.text.includes(phrase), `${asked} → ${top!.text.slice(0, 40)}`);
    }
  }
});

test('results carry exact offsets, the heading path, and how they were found', async () => {
  const results = await opened.retriever.search('数据中心集群之间的网络', 5);
  assert.equal(results.length, 5);
  for (const r of results) {
    assert.equal(seed.slice(r.start, r.end), r.text);
    assert.ok(r.section.length > 0);
    assert.ok(r.debug.bm25Rank !== null || r.debug.vectorRank !== null);
  }
  assert.ok(results[0]!.debug.matchedTerms.includes('数据中心'));
  assert.ok(results.every((r, i) => i === 0 || r.score <= results[i - 1]!.score));
});

test('BM25 alone and vectors alone are available for evaluation', async () => {
  const lexical = await opened.retriever.search('酱香型白酒', 3, { mode: 'bm25' });
  assert.ok(lexical.every((r) => r.debug.vectorRank === null));
  const semantic = await opened.retriever.search('酱香型白酒', 3, { mode: 'vector' });
  assert.ok(semantic.every((r) => r.debug.bm25Rank === null && r.debug.matchedTerms.length === 0));
});

test('a repeated query is served from the cache; a retriever without one searches again', async () => {
  const first = await opened.retriever.search('东数西算工程', 3);
  assert.equal(await opened.retriever.search('东數西算工程', 3), first, 'same normalised query, same cached result');
  const uncached = opened.retriever.withSettings({ cacheSize: 0 });
  const again = await uncached.search('东数西算工程', 3);
  assert.notEqual(again, await uncached.search('东数西算工程', 3));
  assert.deepEqual(again.map((r) => r.id), first.map((r) => r.id));
});

test('the LangChain retriever interface returns Documents with the chunk as metadata', async () => {
  const docs = await opened.retriever.invoke('锂离子电池');
  assert.equal(docs.length, opened.retriever.settings.k);
  assert.equal(docs[0]!.metadata.source, 'seed.txt');
  assert.equal(seed.slice(docs[0]!.metadata.start, docs[0]!.metadata.end), docs[0]!.pageContent);
});
