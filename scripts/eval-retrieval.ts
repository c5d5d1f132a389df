/**
 * Retrieval quality on the seed's question set and on the CMRC 2018 trial split: hit@1, hit@5 and
 * MRR@10 for BM25 alone, vectors alone, hybrid, and a typical peer pipeline as the baseline.
 * Usage: npm run eval:retrieval [-- --json]   (settings come from the environment, e.g. CHUNK_SIZE=400)
 */
import { mkdtemp, readdir, readFile, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JiebaTokenizer } from '../src/text/jieba.ts';
import { toTraditional } from '../src/text/normalise.ts';
import { buildBaseline } from './lib/baseline.ts';
import { CMRC_CONTEXTS, explainMissingData, hasCmrc } from './lib/datasets.ts';
import { firstHitRank, fmt, rankMetrics, type RankMetrics } from './lib/metrics.ts';
import { cmrcQuerySets, devQuerySets, type Query } from './lib/query-sets.ts';
import { SEED_DIR } from './lib/paths.ts';
import { buildTempIndex } from './lib/temp-index.ts';

type System = 'bm25' | 'vector' | 'hybrid' | 'baseline';
const SYSTEMS: System[] = ['bm25', 'vector', 'hybrid', 'baseline'];


/** A copy of a folder with every file converted to traditional characters. */
async function traditionalCopy(dir: string): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'zhida-trad-'));
  for (const name of await readdir(dir)) await writeFile(join(out, name), toTraditional(await readFile(join(dir, name), 'utf8')));
  return out;
}

async function plainCopy(dir: string): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'zhida-seed-'));
  await mkdir(out, { recursive: true });
  for (const name of await readdir(dir)) await copyFile(join(dir, name), join(out, name));
  return out;
}

async function evaluate(corpusDir: string, sets: Record<string, Query[]>, tokenizer: JiebaTokenizer): Promise<Record<string, Record<System, RankMetrics>>> {
  const index = await buildTempIndex(corpusDir, tokenizer);
  const baseline = await buildBaseline(corpusDir);
  const out: Record<string, Record<System, RankMetrics>> = {};
  for (const [name, queries] of Object.entries(sets)) {
    const ranks: Record<System, (number | null)[]> = { bm25: [], vector: [], hybrid: [], baseline: [] };
    for (const q of queries) {
      for (const mode of ['bm25', 'vector', 'hybrid'] as const) {
        ranks[mode].push(firstHitRank(await index.retriever.search(q.question, 10, { mode }), q.isHit));
      }
      ranks.baseline.push(firstHitRank(baseline.search(q.question, 10), q.isHit));
    }
    out[name] = Object.fromEntries(SYSTEMS.map((s) => [s, rankMetrics(ranks[s])])) as Record<System, RankMetrics>;
  }
  await index.dispose();
  return out;
}

async function main() {
  const tokenizer = new JiebaTokenizer();
  const dev = devQuerySets();
  const cmrc = hasCmrc() ? cmrcQuerySets() : undefined;
  if (!cmrc) explainMissingData('the CMRC 2018 trial corpus', 'Measuring the seed questions only.');

  const seedCopy = await plainCopy(SEED_DIR);
  const results: Record<string, Record<string, Record<System, RankMetrics>>> = {
    seed: await evaluate(seedCopy, {
      'dev zh (as written)': dev.chinese,
      'dev zh → 繁體 questions': dev.traditional,
      'dev en': dev.english,
    }, tokenizer),
    'seed in 繁體': await evaluate(await traditionalCopy(SEED_DIR), {
      'dev zh 简体 questions over 繁體 text': dev.overTraditionalText,
    }, tokenizer),
    ...(cmrc
      ? {
          cmrc: await evaluate(CMRC_CONTEXTS, {
            'cmrc trial': cmrc.simplified,
            'cmrc trial → 繁體 questions': cmrc.traditional,
          }, tokenizer),
        }
      : {}),
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log(`| set | n | ${SYSTEMS.map((s) => `${s} hit@1 | ${s} hit@5 | ${s} MRR@10`).join(' | ')} |`);
  console.log(`|---|---|${SYSTEMS.map(() => '---|---|---').join('|')}|`);
  for (const corpus of Object.values(results)) {
    for (const [set, bySystem] of Object.entries(corpus)) {
      console.log(`| ${set} | ${bySystem.hybrid.n} | ${SYSTEMS.map((s) => `${fmt(bySystem[s].hit1)} | ${fmt(bySystem[s].hit5)} | ${fmt(bySystem[s].mrr10)}`).join(' | ')} |`);
    }
  }
}

await main();
