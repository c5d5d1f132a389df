/**
 * Sweeps chunk size, embedding dimension and fusion weights over the dev set and CMRC, to choose the
 * defaults by measurement. Usage: npm run tune:retrieval
 */
import { JiebaTokenizer } from '../src/text/jieba.ts';
import type { HybridRetriever } from '../src/retrieval/hybrid-retriever.ts';
import { CMRC_CONTEXTS, explainMissingData, hasCmrc } from './lib/datasets.ts';
import { firstHitRank, fmt, rankMetrics } from './lib/metrics.ts';
import { SEED_DIR } from './lib/paths.ts';
import { cmrcQuerySets, devQuerySets, type Query } from './lib/query-sets.ts';
import { buildTempIndex } from './lib/temp-index.ts';

const CHUNK_SIZES = (process.env.TUNE_CHUNK_SIZES ?? '200,300,400,500').split(',');
const DIMENSIONS = (process.env.TUNE_DIMS ?? '256').split(',');
const VECTOR_WEIGHTS = (process.env.TUNE_VECTOR_WEIGHTS ?? '0,0.2,0.35,0.5,0.75,1').split(',').map(Number);
const RRF_KS = (process.env.TUNE_RRF_KS ?? '20,60').split(',').map(Number);

async function score(retriever: HybridRetriever, queries: Query[], mode: 'hybrid' | 'vector' = 'hybrid') {
  const ranks = [];
  for (const q of queries) ranks.push(firstHitRank(await retriever.search(q.question, 10, { mode }), q.isHit));
  return rankMetrics(ranks);
}

if (!hasCmrc()) {
  explainMissingData('the CMRC 2018 trial corpus', 'npm run tune:retrieval needs it (the defaults are chosen on both sets): stopping.');
  process.exit(1);
}
const tokenizer = new JiebaTokenizer();
const dev = devQuerySets();
const cmrc = cmrcQuerySets();
console.log('| chunk | dim | rrfK | vector weight | dev hit@5 | dev MRR@10 | dev 繁 MRR@10 | cmrc hit@5 | cmrc MRR@10 |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const chunk of CHUNK_SIZES) {
  for (const dim of DIMENSIONS) {
    const overrides = { CHUNK_SIZE: chunk, EMBEDDING_DIM: dim };
    const seedIndex = await buildTempIndex(SEED_DIR, tokenizer, overrides);
    const cmrcIndex = await buildTempIndex(CMRC_CONTEXTS, tokenizer, overrides);
    {
      const d = await score(seedIndex.retriever, dev.chinese, 'vector');
      const c = await score(cmrcIndex.retriever, cmrc.simplified, 'vector');
      console.log(`| ${chunk} | ${dim} | – | vector only | ${fmt(d.hit5)} | ${fmt(d.mrr10)} | – | ${fmt(c.hit5)} | ${fmt(c.mrr10)} |`);
    }
    for (const rrfK of RRF_KS) {
      for (const vectorWeight of VECTOR_WEIGHTS) {
        const settings = { rrfK, vectorWeight, bm25Weight: 1 };
        const d = await score(seedIndex.retriever.withSettings(settings), dev.chinese);
        const dt = await score(seedIndex.retriever.withSettings(settings), dev.traditional);
        const c = await score(cmrcIndex.retriever.withSettings(settings), cmrc.simplified);
        console.log(`| ${chunk} | ${dim} | ${rrfK} | ${vectorWeight} | ${fmt(d.hit5)} | ${fmt(d.mrr10)} | ${fmt(dt.mrr10)} | ${fmt(c.hit5)} | ${fmt(c.mrr10)} |`);
      }
    }
    await seedIndex.dispose();
    await cmrcIndex.dispose();
  }
}
