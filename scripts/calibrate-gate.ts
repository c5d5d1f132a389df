/**
 * Chooses the extractive answerer's refusal threshold on data: CMRC trial contexts are split in two
 * halves, only one half is indexed, and its questions (answerable) are asked beside the other half's
 * (unanswerable, same kind of text). Reports answer/refuse rates per threshold and the best balance.
 * Usage: npm run calibrate
 */
import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtractiveAnswerer } from '../src/answer/extractive.ts';
import { MIN_COVERAGE } from '../src/answer/calibration.ts';
import { bm25Idf } from '../src/index/bm25.ts';
import { JiebaTokenizer } from '../src/text/jieba.ts';
import { CMRC_CONTEXTS, loadCmrc, loadDevSet } from './lib/datasets.ts';
import { fmt } from './lib/metrics.ts';
import { SEED_DIR } from './lib/paths.ts';
import { buildTempIndex } from './lib/temp-index.ts';

const tokenizer = new JiebaTokenizer();

async function supportScores(corpus: string, questions: string[]): Promise<number[]> {
  const { retriever, index, dispose } = await buildTempIndex(corpus, tokenizer);
  const n = index.bm25.documentCount;
  const answerer = new ExtractiveAnswerer({ words: (t) => tokenizer.words(t), termWeight: (t) => bm25Idf(index.bm25.documentFrequency(t), n), minCoverage: 0 });
  const out: number[] = [];
  for (const q of questions) out.push(answerer.support(q, await retriever.search(q, 5)));
  await dispose();
  return out;
}

const names = (await readdir(CMRC_CONTEXTS)).sort();
const half = await mkdtemp(join(tmpdir(), 'zhida-calibrate-'));
const indexed = new Set(names.filter((_, i) => i % 2 === 0).map((n) => n.replace(/\.txt$/, '')));
for (const name of names) if (indexed.has(name.replace(/\.txt$/, ''))) await copyFile(join(CMRC_CONTEXTS, name), join(half, name));
const cmrc = loadCmrc().filter((q) => q.question.trim());
const scores = await supportScores(half, cmrc.map((q) => q.question));
const positives = scores.filter((_, i) => indexed.has(cmrc[i]!.context_id));
const negatives = scores.filter((_, i) => !indexed.has(cmrc[i]!.context_id));

const dev = loadDevSet().filter((d) => /[\u3400-\u9fff]/.test(d.question));
const devScores = await supportScores(SEED_DIR, dev.map((d) => d.question));

console.log(`CMRC trial: ${positives.length} questions with their passage indexed, ${negatives.length} without.\n`);
console.log('| threshold | CMRC answered (has passage) | CMRC refused (no passage) | balanced accuracy | dev answerable answered | dev unanswerable refused |');
console.log('|---|---|---|---|---|---|');
/** Refusing beats guessing: the lowest threshold that refuses at least this share of unanswerable questions. */
const REQUIRED_REFUSAL = 0.95;
let chosen: { threshold: number; tpr: number; tnr: number } | null = null;
for (let t = 0.3; t <= 0.901; t += 0.05) {
  const tpr = positives.filter((s) => s >= t).length / positives.length;
  const tnr = negatives.filter((s) => s < t).length / negatives.length;
  const devAnswered = devScores.filter((s, i) => dev[i]!.answerable && s >= t).length;
  const devRefused = devScores.filter((s, i) => !dev[i]!.answerable && s < t).length;
  const balanced = (tpr + tnr) / 2;
  if (!chosen && tnr >= REQUIRED_REFUSAL) chosen = { threshold: t, tpr, tnr };
  console.log(`| ${t.toFixed(2)} | ${fmt(tpr)} | ${fmt(tnr)} | ${fmt(balanced)} | ${devAnswered}/${dev.filter((d) => d.answerable).length} | ${devRefused}/${dev.filter((d) => !d.answerable).length} |`);
}
console.log(
  chosen
    ? `\nLowest threshold refusing ≥ ${REQUIRED_REFUSAL} of unanswerable CMRC questions: ${chosen.threshold.toFixed(2)} (answers ${fmt(chosen.tpr)}, refuses ${fmt(chosen.tnr)}); the product uses MIN_COVERAGE = ${MIN_COVERAGE}.`
    : `\nNo threshold refuses ≥ ${REQUIRED_REFUSAL}; the product uses MIN_COVERAGE = ${MIN_COVERAGE}.`,
);
