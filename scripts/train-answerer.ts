/**
 * Fits the extractive answerer's models on external reading-comprehension data and writes
 * models/answerer.json. Paragraphs are split three ways (scripts/lib/reading-data.ts): the selector,
 * phrase and confidence models are fitted on one part, the refusal threshold is chosen on a second, and
 * every figure printed is measured on the third. Deterministic. Usage: npm run train:answerer
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnswererModel } from '../src/answer/answer-model.ts';
import { SELECTOR_FEATURES } from '../src/answer/candidate-features.ts';
import { CONFIDENCE_FEATURES } from '../src/answer/confidence.ts';
import { MODEL_FILE } from '../src/answer/answer-model.ts';
import { PHRASE_FEATURES } from '../src/answer/short-answer.ts';
import { JiebaTokenizer } from '../src/text/jieba.ts';
import { defaultLexicon } from '../src/text/lexicon.ts';
import { fitConditionalLogit, fitLogistic } from './lib/fit-logistic.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { answerFigures, chooseThreshold, refusedShare, confidenceRows, selectorExamples, tradeOff, type Corpus } from './lib/answerer-training.ts';
import { DRCD_DIR, partOf, readingQuestions, type Part } from './lib/reading-data.ts';
import { explainMissingData, hasCmrc } from './lib/datasets.ts';
import { fmt } from './lib/metrics.ts';

if (!hasCmrc() || !existsSync(join(DRCD_DIR, 'qa.jsonl'))) {
  explainMissingData('the CMRC 2018 trial or DRCD dev corpus', 'npm run train:answerer fits on both: stopping.');
  process.exit(1);
}
const tokenizer = new JiebaTokenizer();
const lexicon = defaultLexicon();
const all = readingQuestions();
const part = (p: Part) => all.filter((q) => partOf(q.source) === p);
const [fit, calibrate, test] = [part('fit'), part('calibrate'), part('test')];
console.log(`Questions: fit ${fit.length}, calibrate ${calibrate.length}, test ${test.length} (split by paragraph)\n`);

const fitCorpus: Corpus = { questions: fit, tokenizer, lexicon };
const examples = await selectorExamples(fitCorpus);
const selector = fitConditionalLogit(SELECTOR_FEATURES, examples.selectorRows);
const phrase = fitLogistic(PHRASE_FEATURES, examples.phraseRows);
console.log(`Selector fitted on ${examples.selectorRows.length} questions' ${examples.selectorRows.flat().length} sentences, phrase model on ${examples.phraseRows.length} spans.`);
const confidence = fitLogistic(CONFIDENCE_FEATURES, await confidenceRows(fitCorpus, selector, phrase));
const draft: AnswererModel = { selector, confidence, phrase, minConfidence: 0.5, trainedOn: {} };

const calibration = await tradeOff({ questions: calibrate, tokenizer, lexicon }, draft);
const minConfidence = chooseThreshold(calibration);
const model: AnswererModel = {
  ...draft,
  minConfidence,
  trainedOn: {
    data: 'DRCD dev (CC BY-SA 3.0, Shao et al. 2018) and CMRC 2018 trial (CC BY-SA 4.0, Cui et al. 2019), split by paragraph',
    fitQuestions: fit.length,
    selectorRows: examples.selectorRows.flat().length,
    thresholdChosenOn: `${calibrate.length} questions of other paragraphs`,
  },
};
writeFileSync(fileURLToPath(MODEL_FILE), `${JSON.stringify(model, null, 1)}\n`);
const there = { in: refusedShare(calibration.judged, 'in', minConfidence), out: refusedShare(calibration.judged, 'out', minConfidence) };
console.log(`Threshold chosen on the calibration part: ${minConfidence.toFixed(2)} (there: ${fmt(there.in)} in-corpus refused, ${fmt(there.out)} out-of-corpus refused) → ${relative(PROJECT_ROOT, fileURLToPath(MODEL_FILE))}\n`);
console.log('| threshold | calibration part: in-corpus refused | out-of-corpus refused |\n|---|---|---|');
for (const row of calibration.rows.filter((r) => r.threshold <= 0.3)) console.log(`| ${row.threshold.toFixed(2)} | ${fmt(row.refused.in)} | ${fmt(row.refused.out)} |`);

console.log('\n## Held-out part (paragraphs nothing was fitted or chosen on)\n');
const figures = await answerFigures({ questions: test, tokenizer, lexicon }, model);
console.log(figures.table);
const curve = await tradeOff({ questions: test, tokenizer, lexicon }, model);
console.log('\n| threshold | in-corpus refused (wrong refusals) | out-of-corpus refused | stranger subject refused | other paragraph\'s subject refused | answer cut out refused | figure changed refused |\n|---|---|---|---|---|---|---|');
for (const row of curve.rows) {
  const r = row.refused;
  console.log(`| ${row.threshold.toFixed(2)}${Math.abs(row.threshold - minConfidence) < 1e-9 ? ' (chosen)' : ''} | ${fmt(r.in)} | ${fmt(r.out)} | ${fmt(r.near)} | ${fmt(r.swapped)} | ${fmt(r.removed)} | ${fmt(r.figure)} |`);
}
console.log(`\nConfidence calibration (held-out, every question of the half-split):\n\n| confidence | questions | answerable share |\n|---|---|---|`);
for (const b of curve.buckets) console.log(`| ${b.label} | ${b.count} | ${b.count ? fmt(b.positiveShare) : '-'} |`);
