/** Labelled examples, threshold choice and held-out figures for `npm run train:answerer`. */
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswererModel, LogisticModel } from '../../src/answer/answer-model.ts';
import { confidenceFeatures } from '../../src/answer/confidence.ts';
import { extractiveAnswererFor, indexProfileSources } from '../../src/answer/extractive-wiring.ts';
import { profileQuestion } from '../../src/answer/question-profile.ts';
import { featuredCandidates, rankCandidates } from '../../src/answer/selector.ts';
import { phraseFeatures } from '../../src/answer/short-answer.ts';
import { probability } from '../../src/answer/answer-model.ts';
import type { JiebaTokenizer } from '../../src/text/jieba.ts';
import type { Lexicon } from '../../src/text/lexicon.ts';
import { normaliseForMatch } from '../../src/text/normalise.ts';
import type { SearchResult } from '../../src/types.ts';
import type { Row } from './fit-logistic.ts';
import { fmt } from './metrics.ts';
import { changedFigure, strangerSubject, swappedSubject, withoutAnswer, type NamedNoun } from './near-misses.ts';
import { halves, type ReadingQuestion } from './reading-data.ts';
import { buildTempIndex } from './temp-index.ts';

export interface Corpus {
  questions: ReadingQuestion[];
  tokenizer: JiebaTokenizer;
  lexicon: Lexicon;
}

const K = 5;

/** Indexes the paragraphs of `questions` (those `keep` accepts) and hands each question its retrieved passages. */
async function overIndex<T>(corpus: Corpus, keep: (source: string) => boolean, visit: (q: ReadingQuestion, passages: SearchResult[], tools: Awaited<ReturnType<typeof buildTempIndex>>) => T | Promise<T>): Promise<T[]> {
  const dir = await mkdtemp(join(tmpdir(), 'zhida-train-'));
  const files = new Map(corpus.questions.map((q) => [q.source, q.contextFile]));
  for (const [source, file] of files) if (keep(source)) await copyFile(file, join(dir, source));
  const built = await buildTempIndex(dir, corpus.tokenizer, { SEARCH_CACHE_SIZE: '0' });
  const out: T[] = [];
  for (const q of corpus.questions) out.push(await visit(q, await built.retriever.search(q.question, K), built));
  await built.dispose();
  await rm(dir, { recursive: true, force: true });
  return out;
}

const goldIn = (q: ReadingQuestion, normalised: string) => q.answers.map(normaliseForMatch).find((a) => a && normalised.includes(a));

/** Sentences labelled by whether they hold the gold answer in its own paragraph; value spans by whether they are it. */
export async function selectorExamples(corpus: Corpus): Promise<{ selectorRows: Row[][]; phraseRows: Row[] }> {
  const selectorRows: Row[][] = [];
  const phraseRows: Row[] = [];
  await overIndex(corpus, () => true, (q, passages, { index }) => {
    const sources = indexProfileSources(index.bm25, corpus.tokenizer, corpus.lexicon);
    const profile = profileQuestion(q.question, sources);
    if (!profile.words.length) return;
    const group: Row[] = [];
    selectorRows.push(group);
    for (const c of featuredCandidates(profile, passages, sources.tag)) {
      const gold = c.passage.source === q.source ? goldIn(q, c.normalised) : undefined;
      group.push({ values: c.features, label: gold ? 1 : 0 });
      if (!gold) continue;
      const at = c.normalised.indexOf(gold);
      for (const span of c.spans) {
        const overlaps = span.start < at + gold.length && span.end > at;
        phraseRows.push({ values: phraseFeatures(c, span, profile), label: overlaps && (gold.includes(span.text) || span.text.includes(gold)) ? 1 : 0 });
      }
    }
  });
  return { selectorRows, phraseRows };
}

export type Kind = 'in' | 'out' | 'near' | 'swapped' | 'removed' | 'figure';

export interface Judged {
  confidence: number;
  label: 0 | 1;
  kind: Kind;
}

/** The kinds of question the corpus does not answer, each refused share reported on its own. */
export const NEGATIVE_KINDS = ['out', 'near', 'swapped', 'removed', 'figure'] as const;

type Scorer = (q: string, passages: SearchResult[], sources: ReturnType<typeof indexProfileSources>) => { values: Record<string, number>; confidence: number };

/**
 * Questions asked over half the paragraphs: their own paragraph indexed (1), not indexed (0), and near misses
 * made from indexed ones (0): a stranger or another paragraph's noun for the subject, the answer cut out, or
 * a figure the paragraph does not state.
 */
async function halfSplit(corpus: Corpus, score: Scorer): Promise<(Judged & { values: Record<string, number> })[]> {
  const indexed = halves(corpus.questions.map((q) => q.source));
  const out: (Judged & { values: Record<string, number> })[] = [];
  const strangers: string[] = [];
  const nouns: NamedNoun[] = [];
  let asked = 0;
  // Several questions share a paragraph: each file is read once.
  const paragraphs = new Map<string, string>();
  const paragraphOf = (file: string) => paragraphs.get(file) ?? paragraphs.set(file, readFileSync(file, 'utf8')).get(file)!;
  await overIndex(corpus, (s) => indexed.has(s), async (q, passages, { index, retriever }) => {
    const sources = indexProfileSources(index.bm25, corpus.tokenizer, corpus.lexicon);
    const df = (t: string) => index.bm25.documentFrequency(t);
    const inCorpus = indexed.has(q.source);
    out.push({ ...score(q.question, passages, sources), label: inCorpus ? 1 : 0, kind: inCorpus ? 'in' : 'out' });
    const tagged = corpus.tokenizer.tag(normaliseForMatch(q.question)).filter((t) => /^n/.test(t.tag) && t.word.length >= 2);
    if (!inCorpus) {
      for (const t of tagged) if (df(t.word) === 0) strangers.push(t.word);
      return;
    }
    // Each near miss draws on the nouns gathered from the questions before it. Stranger and swapped subjects take turns,
    // the answer is cut out of every other question, and every question stating a figure gets a changed one.
    asked++;
    for (const t of tagged) if (df(t.word) > 0) nouns.push(t);
    const ask = async (question: string | null, kind: Kind) => {
      if (question) out.push({ ...score(question, await retriever.search(question, K), sources), label: 0, kind });
    };
    if (asked % 4 === 0) await ask(strangerSubject(q.question, corpus.tokenizer, df, strangers, asked), 'near');
    const paragraph = paragraphOf(q.contextFile);
    if (asked % 4 === 2) await ask(swappedSubject(q.question, paragraph, corpus.tokenizer, df, nouns, asked), 'swapped');
    await ask(changedFigure(q.question, paragraph, asked), 'figure');
    if (asked % 2 === 1) {
      const cut = withoutAnswer(passages, q.source, q.answers);
      if (cut) out.push({ ...score(q.question, cut, sources), label: 0, kind: 'removed' });
    }
  });
  return out;
}

function scorer(model: { selector: LogisticModel; phrase: LogisticModel; confidence?: LogisticModel }): Scorer {
  return (question, passages, sources) => {
    const profile = profileQuestion(question, sources);
    const ranked = profile.words.length ? rankCandidates(model.selector, featuredCandidates(profile, passages, sources.tag)) : [];
    const values = confidenceFeatures(profile, ranked, model.phrase);
    return { values, confidence: model.confidence && ranked.length ? probability(model.confidence, values) : 0 };
  };
}

export async function confidenceRows(corpus: Corpus, selector: LogisticModel, phrase: LogisticModel): Promise<Row[]> {
  return (await halfSplit(corpus, scorer({ selector, phrase }))).map((j) => ({ values: j.values, label: j.label }));
}

/** The share of the questions of one kind whose confidence is below `threshold`. */
export function refusedShare(judged: readonly Judged[], kind: Kind, threshold: number): number {
  const of = judged.filter((j) => j.kind === kind);
  return of.filter((j) => j.confidence < threshold).length / (of.length || 1);
}

export interface TradeOff {
  judged: Judged[];
  /** Per threshold, the share of each kind of question refused. */
  rows: { threshold: number; refused: Record<Kind, number> }[];
  buckets: { label: string; count: number; positiveShare: number }[];
}

export async function tradeOff(corpus: Corpus, model: AnswererModel): Promise<TradeOff> {
  const judged = await halfSplit(corpus, scorer(model));
  const refused = (kind: Kind, t: number) => refusedShare(judged, kind, t);
  const grid = Array.from({ length: 17 }, (_, i) => Number((0.1 + i * 0.05).toFixed(2)));
  const rows = [...new Set([...grid, model.minConfidence])].sort((a, b) => a - b).map((threshold) => ({ threshold, refused: Object.fromEntries((['in', ...NEGATIVE_KINDS] as const).map((kind) => [kind, refused(kind, threshold)])) as Record<Kind, number> }));
  const buckets = Array.from({ length: 10 }, (_, i) => {
    const inBucket = judged.filter((j) => j.confidence >= i / 10 && (j.confidence < (i + 1) / 10 || i === 9));
    return { label: `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`, count: inBucket.length, positiveShare: inBucket.filter((j) => j.label === 1).length / (inBucket.length || 1) };
  });
  return { judged, rows, buckets };
}

/** Questions whose paragraph is not indexed that the threshold must refuse. */
const REQUIRED_REFUSAL = 0.9;
/**
 * The share of answerable questions the threshold may refuse while it goes on refusing near misses; below the
 * 5% it must not pass, so that a part it was not chosen on stays within it too.
 */
const WRONG_REFUSAL_BUDGET = 0.04;

/**
 * The threshold (on a 0.01 grid): the highest that refuses no more than WRONG_REFUSAL_BUDGET of the answerable
 * questions, since every step up refuses more near misses and questions the corpus does not answer; and never
 * below the lowest that refuses REQUIRED_REFUSAL of the questions whose paragraph is not indexed.
 */
export function chooseThreshold(curve: TradeOff): number {
  const share = (kind: Kind, t: number) => refusedShare(curve.judged, kind, t);
  const grid = Array.from({ length: 91 }, (_, i) => Number((0.05 + i * 0.01).toFixed(2)));
  const floor = grid.find((t) => share('out', t) >= REQUIRED_REFUSAL) ?? 0.95;
  const withinBudget = grid.filter((t) => t >= floor && share('in', t) <= WRONG_REFUSAL_BUDGET);
  return withinBudget.at(-1) ?? floor;
}

/** Per data set over the whole part indexed: how often the answer holds the gold answer, refusals, lengths, short answers. */
export async function answerFigures(corpus: Corpus, model: AnswererModel): Promise<{ table: string }> {
  const results = await overIndex(corpus, () => true, async (q, passages, { index }) => {
    const answerer = extractiveAnswererFor(index, corpus.tokenizer, { lexicon: corpus.lexicon, model });
    const response = await answerer.answer(q.question, passages);
    const answer = normaliseForMatch(response.answer);
    const gold = q.answers.map(normaliseForMatch);
    const short = response.short ? normaliseForMatch(response.short.text) : null;
    return {
      dataset: q.dataset,
      answered: response.status === 'answered',
      holds: response.status === 'answered' && gold.some((a) => answer.includes(a)),
      lengthRatio: response.status === 'answered' ? response.answer.replace(/\[\d+\]/g, '').length / Math.max(1, gold[0]!.length) : null,
      shortExact: short === null ? null : gold.includes(short),
      shortOverlap: short === null ? null : gold.some((a) => a.includes(short) || short.includes(a)),
    };
  });
  const lines = ['| data (held-out paragraphs) | questions | answer holds gold | answered | median answer length / gold | short answers given | short exact | short overlaps gold |', '|---|---|---|---|---|---|---|---|'];
  for (const dataset of ['cmrc', 'drcd'] as const) {
    const r = results.filter((x) => x.dataset === dataset);
    const ratios = r.flatMap((x) => (x.lengthRatio === null ? [] : [x.lengthRatio])).sort((a, b) => a - b);
    const shorts = r.filter((x) => x.shortExact !== null);
    lines.push(
      `| ${dataset === 'cmrc' ? 'CMRC 2018 trial' : 'DRCD dev'} | ${r.length} | ${fmt(r.filter((x) => x.holds).length / r.length)} | ${fmt(r.filter((x) => x.answered).length / r.length)} | ${(ratios[Math.floor(ratios.length / 2)] ?? 0).toFixed(1)} | ${shorts.length} | ${fmt(shorts.filter((x) => x.shortExact).length / (shorts.length || 1))} | ${fmt(shorts.filter((x) => x.shortOverlap).length / (shorts.length || 1))} |`,
    );
  }
  return { table: lines.join('\n') };
}
