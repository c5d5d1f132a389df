/**
 * Answer quality on the seed's question set, measured through the real HTTP service: keyword
 * coverage, citation precision, exact offsets and refusals. Usage: npm run eval [-- --json] [-- --show]
 * [-- --set eval/seed-questions.jsonl] (starts the service on a fresh index of seeds/ with the environment's
 * settings; the question set defaults to the shared dev set).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.ts';
import { normaliseForMatch } from '../src/text/normalise.ts';
import { scanSeeds } from '../src/ingest/scan.ts';
import type { AskResponse } from '../src/types.ts';
import { isLatinScript } from '../src/answer/question-analysis.ts';
import { loadDevSet } from './lib/datasets.ts';
import { fmt, stripSpaces } from './lib/metrics.ts';
import { SEED_DIR } from './lib/paths.ts';
import { serveTemp } from './lib/serve-temp.ts';

const config = parseConfig({ ...process.env, SEEDS_DIR: process.env.SEEDS_DIR ?? SEED_DIR, INDEX_DIR: await mkdtemp(join(tmpdir(), 'zhida-eval-')), LOG_LEVEL: 'silent' });
const { app, url } = await serveTemp(config);
const show = process.argv.includes('--show');

const setAt = process.argv.indexOf('--set');
const items = loadDevSet(setAt > 0 ? process.argv[setAt + 1] : undefined);
// A misspelt evidence string would silently count as an imprecise citation.
// Read once: evidence is checked against them here, and every citation's offsets below.
const originals = new Map(await Promise.all((await scanSeeds(config.SEEDS_DIR)).map(async (f) => [f.source, await readFile(f.path, 'utf8')] as const)));
const seedTexts = [...originals.values()];
const missing = items.flatMap((item) => item.evidence.filter((e) => !seedTexts.some((t) => stripSpaces(t).includes(stripSpaces(e)))).map((e) => `${item.id}: ${e}`));
if (missing.length) throw new Error(`Evidence not found in ${config.SEEDS_DIR}:\n${missing.join('\n')}`);
let keywordHits = 0, keywordItems = 0, citationsTotal = 0, citationsPrecise = 0, offsetsExact = 0, offsetsTotal = 0;
let unanswerableRefused = 0, unanswerable = 0, chineseRefused = 0, englishAnswered = 0, english = 0;
const rows: string[] = [];
for (const item of items) {
  const res = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: item.question }) });
  const body = (await res.json()) as AskResponse;
  for (const c of body.citations) {
    offsetsTotal++;
    const original = originals.get(c.source);
    if (original?.slice(c.start, c.end) === c.text) offsetsExact++;
  }
  const latin = isLatinScript(item.question);
  let ok: boolean;
  if (!item.answerable) {
    unanswerable++;
    ok = body.status === 'no_answer';
    if (ok) unanswerableRefused++;
  } else if (latin) {
    english++;
    ok = body.status === 'answered';
    if (ok) englishAnswered++;
  } else {
    keywordItems++;
    const answer = normaliseForMatch(body.answer);
    ok = body.status === 'answered' && item.answer_keywords.every((k) => answer.includes(normaliseForMatch(k)));
    if (ok) keywordHits++;
    if (body.status === 'no_answer') chineseRefused++;
    if (body.status === 'answered') {
      for (const c of body.citations) {
        citationsTotal++;
        if (item.evidence.some((e) => stripSpaces(c.text).includes(stripSpaces(e)))) citationsPrecise++;
      }
    }
  }
  const flags = item.answerable ? body.citations.map((c) => (item.evidence.some((e) => stripSpaces(c.text).includes(stripSpaces(e))) ? '✓' : '✗')).join('') : '';
  rows.push(`| ${item.id} | ${ok ? 'ok' : 'MISS'} | ${body.status} | ${flags} | ${body.answer.replace(/\n/g, ' ').slice(0, 120)} |`);
}
await app.close();

const summary = {
  keywordCoverage: keywordHits / keywordItems,
  citationPrecision: citationsTotal ? citationsPrecise / citationsTotal : 0,
  offsetsExact: `${offsetsExact}/${offsetsTotal}`,
  unanswerableRefused: `${unanswerableRefused}/${unanswerable}`,
  chineseAnswerableRefused: chineseRefused,
  englishAnswered: `${englishAnswered}/${english}`,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(summary, null, 2));
else {
  console.log('| metric | value |\n|---|---|');
  console.log(`| keyword coverage (Chinese answerable, n=${keywordItems}) | ${fmt(summary.keywordCoverage)} |`);
  console.log(`| citation precision (answered items, ${citationsTotal} citations) | ${fmt(summary.citationPrecision)} |`);
  console.log(`| citation offsets exact | ${summary.offsetsExact} |`);
  console.log(`| unanswerable refused | ${summary.unanswerableRefused} |`);
  console.log(`| Chinese answerable refused | ${summary.chineseAnswerableRefused} |`);
  console.log(`| English answerable answered (offline) | ${summary.englishAnswered} |`);
  if (show) console.log(`\n| id | result | status | citations | answer |\n|---|---|---|---|---|\n${rows.join('\n')}`);
}
