import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { CMRC_CONTEXTS, loadCmrc } from '../lib/datasets.ts';
import { buildTempIndex } from '../lib/temp-index.ts';
const t = new JiebaTokenizer();
const idx = await buildTempIndex(CMRC_CONTEXTS, t, { CHUNK_SIZE: process.env.CS ?? '400' });
const mode = (process.env.MODE ?? 'bm25') as 'bm25';
for (const q of loadCmrc()) {
  const r = await idx.retriever.search(q.question, 10, mode);
  const rank = r.findIndex((x) => x.source === q.context_id + '.txt');
  if (rank === -1 || rank >= 5) console.log(rank, q.question, '| top:', r[0]?.source, r[0]?.debug.matchedTerms.join(','), '| want', q.context_id, q.answers[0]);
}
await idx.dispose();
