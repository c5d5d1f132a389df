/**
 * Answer quality through the real HTTP service over a knowledge base of the seed and the evaluation
 * documents (eval/documents): per question set and per kind or style, keyword coverage, wrong refusals,
 * citation precision, unanswerable refused, exact offsets; and the confidence's calibration (answered
 * precision by bucket). Usage: npm run eval [-- --set FILE ...] [-- --show] (--show lists the misses of
 * sets that are not held out). Without --set: every set in eval/sets plus the shared dev set when present.
 */
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.ts';
import { readDocument } from '../src/ingest/read-document.ts';
import { scanSeeds } from '../src/ingest/scan.ts';
import { normaliseForMatch } from '../src/text/normalise.ts';
import type { AskResponse } from '../src/types.ts';
import { loadSet, type QuestionSet, type SetItem } from './lib/answer-sets.ts';
import { fmt, stripSpaces } from './lib/metrics.ts';
import { DEV_SET, PROJECT_ROOT, SEED_DIR } from './lib/paths.ts';
import { serveTemp } from './lib/serve-temp.ts';

const args = process.argv.slice(2);
const show = args.includes('--show');
const named = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []));
const setsDir = join(PROJECT_ROOT, 'eval', 'sets');
const files = named.length
  ? named
  : [...(existsSync(DEV_SET) ? [DEV_SET] : []), ...(await readdir(setsDir)).filter((f) => f.endsWith('.jsonl') && !f.startsWith('conversations')).sort().map((f) => join(setsDir, f))];
if (!existsSync(DEV_SET) && !named.length) console.error(`note: ${DEV_SET} not found (set SHARED_DIR); evaluating the sets in eval/sets only`);
const sets: QuestionSet[] = files.map(loadSet);

const corpus = await mkdtemp(join(tmpdir(), 'zhida-eval-docs-'));
const docsDir = join(PROJECT_ROOT, 'eval', 'documents');
for (const dir of [SEED_DIR, docsDir]) for (const f of await readdir(dir)) if (!/^README/i.test(f)) await copyFile(join(dir, f), join(corpus, f));
const config = parseConfig({ ...process.env, SEEDS_DIR: corpus, INDEX_DIR: await mkdtemp(join(tmpdir(), 'zhida-eval-')), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000' });
const { app, url } = await serveTemp(config);
// The originals as the product reads them (decoded, HTML as its visible text): what citation offsets point into.
const originals = new Map(
  await Promise.all(
    (await scanSeeds(corpus)).map(async (f) => {
      const read = await readDocument(f.source, await readFile(f.path), { ocr: null });
      return [f.source, read.ok ? read.document.text : ''] as const;
    }),
  ),
);

interface Outcome {
  item: SetItem;
  response: AskResponse;
  keywordsPresent: boolean;
  preciseCitations: number;
}

const holdsEvidence = (item: SetItem, text: string) => item.evidence.some((e) => stripSpaces(normaliseForMatch(text)).includes(stripSpaces(normaliseForMatch(e))));

async function ask(item: SetItem): Promise<Outcome> {
  const res = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: item.question }) });
  const response = (await res.json()) as AskResponse;
  if (!res.ok) throw new Error(`${item.id}: HTTP ${res.status} ${JSON.stringify(response)}`);
  const answer = normaliseForMatch(response.answer);
  const keywordsPresent = response.status === 'answered' && item.answer_keywords.every((k) => answer.includes(normaliseForMatch(k)));
  return { item, response, keywordsPresent, preciseCitations: response.citations.filter((c) => holdsEvidence(item, c.text)).length };
}

function figures(outcomes: Outcome[]) {
  const answerable = outcomes.filter((o) => o.item.answerable);
  const unanswerable = outcomes.filter((o) => !o.item.answerable);
  const answered = answerable.filter((o) => o.response.status === 'answered');
  const citations = answered.reduce((s, o) => s + o.response.citations.length, 0);
  return {
    n: outcomes.length,
    keywords: answerable.length ? fmt(answerable.filter((o) => o.keywordsPresent).length / answerable.length) : '-',
    wrongRefusals: answerable.length ? fmt(1 - answered.length / answerable.length) : '-',
    precision: citations ? fmt(answered.reduce((s, o) => s + o.preciseCitations, 0) / citations) : '-',
    refused: `${unanswerable.filter((o) => o.response.status === 'no_answer').length}/${unanswerable.length}`,
  };
}

const row = (label: string, o: Outcome[]) => {
  const f = figures(o);
  return `| ${label} | ${f.n} | ${f.keywords} | ${f.wrongRefusals} | ${f.precision} | ${f.refused} |`;
};
const HEADER = '| set | questions | answer keywords present | wrong refusals | citation precision | unanswerable refused |\n|---|---|---|---|---|---|';

const all: Outcome[] = [];
let offsetsExact = 0;
let offsetsTotal = 0;
const perSet: string[] = [];
const perKind: string[] = [];
for (const set of sets) {
  const outcomes: Outcome[] = [];
  for (const item of set.items) outcomes.push(await ask(item));
  all.push(...outcomes);
  for (const o of outcomes) for (const c of o.response.citations) {
    offsetsTotal++;
    if (originals.get(c.source)?.slice(c.start, c.end) === c.text) offsetsExact++;
  }
  perSet.push(row(`${set.name}${set.heldOut ? ' (held out)' : ''}`, outcomes));
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) for (const key of [o.item.kind && `kind ${o.item.kind}`, o.item.style && `style ${o.item.style}`, o.item.source && `document ${o.item.source}`]) if (key) groups.set(key, [...(groups.get(key) ?? []), o]);
  for (const [key, group] of [...groups].sort()) perKind.push(row(`${set.name} · ${key}`, group));
  if (show && !set.heldOut) {
    for (const o of outcomes.filter((x) => (x.item.answerable ? !x.keywordsPresent : x.response.status !== 'no_answer'))) {
      console.log(`MISS ${o.item.id} [${o.item.kind ?? ''}/${o.item.style ?? ''}] ${o.item.question} → ${o.response.status} (${o.response.confidence}) ${o.response.answer.slice(0, 140)}`);
    }
  }
}
await app.close();

console.log(`${HEADER}\n${perSet.join('\n')}\n\nCitation offsets exact: ${offsetsExact}/${offsetsTotal}\n`);
console.log(`${HEADER}\n${perKind.join('\n')}\n`);
console.log('Confidence calibration over every set (answered questions; precise = answerable with keywords present):\n\n| confidence | answered | precise |\n|---|---|---|');
for (let b = 0; b < 10; b++) {
  const inBucket = all.filter((o) => o.response.status === 'answered' && (o.response.confidence ?? 0) >= b / 10 && ((o.response.confidence ?? 0) < (b + 1) / 10 || b === 9));
  if (inBucket.length) console.log(`| ${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)} | ${inBucket.length} | ${fmt(inBucket.filter((o) => o.keywordsPresent).length / inBucket.length)} |`);
}
