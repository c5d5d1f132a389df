import { loadConfig } from '/work/main/src/config.ts';
import { openRetriever } from '/work/main/src/retrieval/open-retriever.ts';
import { JiebaTokenizer } from '/work/main/src/text/jieba.ts';
const t = new JiebaTokenizer();
const { retriever } = await openRetriever(loadConfig(), t);
for (const q of process.argv.slice(2)) {
  const r = await retriever.search(q, 3);
  console.log('Q', q);
  for (const x of r) console.log(' ', x.score.toFixed(4), x.debug.bm25Rank, x.debug.vectorRank, x.section.join(' > ').slice(0,60), '|', x.text.slice(0, 60));
}
