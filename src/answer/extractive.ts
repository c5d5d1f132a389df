import { LRUCache } from 'lru-cache';
import type { AnswerMode, Answerer, AskEvent, AskOptions, AskResponse, Citation, SearchResult } from '../types.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import { candidateSentences, splitClauses } from './candidates.ts';
import { answerTypeOf, hasEntityOf, isLatinScript, requiresEntity, type AnswerType } from './question-analysis.ts';
import { scoreCandidate, termPresence, type ScoredCandidate, type WeightedTerm } from './sentence-scoring.ts';
import { noAnswerResponse } from './no-answer.ts';
import { questionTerms } from './question-terms.ts';

export interface ExtractiveAnswererOptions {
  /** Content words of a question, normalised, stop words removed. */
  words(text: string): string[];
  /** How informative a term is in this corpus (IDF); unseen terms should weigh the most. */
  termWeight(term: string): number;
  /** The least share of the question a sentence must support to be an answer; calibrated on data. */
  minCoverage: number;
  /** How many place names a text holds; helps a place question prefer the sentence that names places. */
  placeCount?(text: string): number;
  /** Every passage of the section a passage belongs to, for list answers that span more than was retrieved. */
  sectionPassages?(passage: SearchResult): SearchResult[];
  /** Answers kept for repeated (question, passages) pairs; the answer is a pure function of them. 0 turns it off. */
  cacheSize?: number;
}

/** Sentences longer than this are cut down to the clauses that carry the answer. */
const CONDENSE_OVER = 90;
const SECOND_SENTENCE_RATIO = 0.8;

interface Segment {
  source: string;
  start: number;
  end: number;
  text: string;
  passage: SearchResult;
  score: number;
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

/** Clauses scoring at least this share of the best clause stay in a condensed quote. */
const CLAUSE_KEEP_RATIO = 0.5;

/** The clauses of a long sentence that carry what is asked (and the value the question wants). */
function condense(c: ScoredCandidate, type: AnswerType, terms: readonly WeightedTerm[], placeCount?: (text: string) => number): Segment {
  const whole: Segment = { source: c.passage.source, start: c.start, end: c.end, text: c.text, passage: c.passage, score: c.score, truncatedStart: false, truncatedEnd: false };
  if (c.text.length <= CONDENSE_OVER || !c.matched.length) return whole;
  const clauses = splitClauses(c.text);
  const focus = terms.filter((t) => t.focus);
  const parts = clauses.map((cl) => {
    const clause = c.text.slice(cl.start, cl.end);
    const norm = normaliseForMatch(clause);
    const matched = focus.reduce((sum, t) => sum + (norm.includes(t.term) ? t.weight : 0), 0);
    const holdsAnswer = placeCount ? placeCount(clause) > 0 : type !== 'other' && hasEntityOf(type, norm);
    return { matched, holdsAnswer };
  });
  // A clause holding the kind of value asked for (a place, a figure) counts even without the question's words.
  const best = Math.max(...parts.map((p) => p.matched));
  const scores = parts.map((p) => p.matched + (p.holdsAnswer ? CLAUSE_KEEP_RATIO * best : 0));
  if (best <= 0) return whole;
  const kept = (x: number) => x >= CLAUSE_KEEP_RATIO * best;
  const first = scores.findIndex(kept);
  const last = scores.length - 1 - [...scores].reverse().findIndex(kept);
  const from = clauses[first]!.start;
  const to = clauses[last]!.end;
  const text = c.text.slice(from, to).trim();
  const lead = c.text.slice(from, to).indexOf(text);
  return { ...whole, start: c.start + from + lead, end: c.start + from + lead + text.length, text, truncatedStart: from > 0, truncatedEnd: to < c.text.length };
}

/** A sentence beyond the best must add this share of the question's weight to be worth quoting. */
const NEW_COVERAGE_NEEDED = 0.25;
/** Sentences opening with an enumeration (一是 / 第二, / (3) / ②) are items of one list. */
const ENUMERATED = /^\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[,，、]|[(（]?[0-9一二三四五六七八九十]+[)）]|[①-⑳])/;
/** A list question whose answer is a section's items: the heading must carry this share of the question. */
const SECTION_HEADING_COVERAGE = 0.5;
const MAX_SECTION_ITEMS = 12;

/** Scores the sentences of a whole section, when the answerer can see beyond the retrieved passages. */
type SectionScorer = (best: ScoredCandidate) => ScoredCandidate[] | undefined;

function pickSentences(scored: ScoredCandidate[], type: AnswerType, minCoverage: number, terms: readonly WeightedTerm[], wholeSection: SectionScorer): ScoredCandidate[] {
  const eligible = scored.filter((c) => c.coverage >= minCoverage && c.ownCoverage > 0 && (!requiresEntity(type) || c.hasEntity));
  if (!eligible.length) return [];
  eligible.sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
  const best = eligible[0]!;
  if (type === 'list') {
    const items = sectionItems(scored, best, terms, wholeSection);
    if (items.length >= 2) return items;
  }
  const limit = type !== 'list' ? 2 : ENUMERATED.test(best.text) ? MAX_SECTION_ITEMS : 4;
  // A further sentence must add to what is asked, not repeat the question's framing.
  const focus = terms.filter((t) => t.focus);
  const total = focus.reduce((s, t) => s + t.weight, 0) || 1;
  const weightOf = new Map(focus.map((t) => [t.term, t.weight]));
  const picked = [best];
  const covered = new Set(best.matched);
  for (const c of eligible.slice(1)) {
    if (picked.length >= limit || c.score < SECOND_SENTENCE_RATIO * best.score) break;
    const added = c.matched.filter((t) => !covered.has(t)).reduce((s, t) => s + (weightOf.get(t) ?? 0), 0) / total;
    const parallelItem = type === 'list' && ENUMERATED.test(c.text) && ENUMERATED.test(best.text);
    if (added < NEW_COVERAGE_NEEDED && !parallelItem) continue;
    picked.push(c);
    c.matched.forEach((t) => covered.add(t));
  }
  // Read in document order within a source, sources in retrieval order.
  return picked.sort((a, b) => a.rank - b.rank || a.start - b.start);
}

/**
 * "有哪几个…" about a section whose heading names the question (1.发展数字经济意义重大(3个有利于)):
 * the answer is the section's items, i.e. the opening sentence of each of its paragraphs.
 */
function sectionItems(scored: ScoredCandidate[], best: ScoredCandidate, terms: readonly WeightedTerm[], wholeSection: SectionScorer): ScoredCandidate[] {
  const total = terms.reduce((s, t) => s + t.weight, 0) || 1;
  const headingShare = terms.filter((t) => best.heading.includes(t.term)).reduce((s, t) => s + t.weight, 0) / total;
  if (headingShare < SECTION_HEADING_COVERAGE) return [];
  const section = best.passage.section.join('\u0000');
  return (wholeSection(best) ?? scored)
    .filter((c) => c.isLead && c.passage.source === best.passage.source && c.passage.section.join('\u0000') === section)
    .sort((a, b) => a.start - b.start)
    .slice(0, MAX_SECTION_ITEMS);
}

function closePunctuation(text: string, truncatedEnd: boolean): string {
  if (truncatedEnd) return `${text.replace(/[，,；;：:]$/, '')}…`;
  return /[。！？!?；;…”」』)）]$/.test(text) ? text : `${text}。`;
}

/** Answers by quoting the sentences that support the question; refuses when none does. No model, no key. */
export class ExtractiveAnswerer implements Answerer {
  readonly mode: AnswerMode = 'extractive';

  private readonly cache: LRUCache<string, AskResponse> | null;

  constructor(private readonly options: ExtractiveAnswererOptions) {
    this.cache = options.cacheSize ? new LRUCache({ max: options.cacheSize }) : null;
  }

  weightedTerms(question: string): WeightedTerm[] {
    return questionTerms(question, this.options);
  }

  /**
   * How well the passages support the question: the best coverage among sentences that contain what
   * the question asks for. The refusal gate compares this with `minCoverage`; calibration reads it.
   */
  support(question: string, passages: SearchResult[]): number {
    const type = answerTypeOf(question);
    const terms = this.weightedTerms(question);
    const presence = termPresence(terms);
    return candidateSentences(passages)
      .map((c) => scoreCandidate(c, terms, type, passages.length, presence))
      .filter((c) => c.ownCoverage > 0 && (!requiresEntity(type) || c.hasEntity))
      .reduce((best, c) => Math.max(best, c.coverage), 0);
  }

  async answer(question: string, passages: SearchResult[], options: AskOptions = {}): Promise<AskResponse> {
    const key = `${options.debug ? 1 : 0}\u0000${question}\u0000${passages.map((p) => p.id).join('\u0000')}`;
    const cached = this.cache?.get(key);
    if (cached) return cached;
    const response = this.compose(question, passages, options);
    this.cache?.set(key, response);
    return response;
  }

  private compose(question: string, passages: SearchResult[], options: AskOptions): AskResponse {
    const type = answerTypeOf(question);
    const terms = this.weightedTerms(question);
    const presence = termPresence(terms);
    const places = type === 'place' ? this.options.placeCount : undefined;
    const scored = candidateSentences(passages).map((c) => scoreCandidate(c, terms, type, passages.length, presence, places));
    const wholeSection: SectionScorer = (best) =>
      this.options.sectionPassages && candidateSentences(this.options.sectionPassages(best.passage)).map((c) => scoreCandidate({ ...c, rank: best.rank }, terms, type, passages.length, presence));
    const picked = terms.length ? pickSentences(scored, type, this.options.minCoverage, terms, wholeSection) : [];
    const best = [...scored].sort((a, b) => b.score - a.score)[0];
    const debug = options.debug
      ? { answerType: type, terms, best: best ? { text: best.text, coverage: best.coverage, hasEntity: best.hasEntity, score: best.score } : null, minCoverage: this.options.minCoverage }
      : undefined;
    if (!picked.length) return noAnswerResponse(question, passages, this.mode, debug);

    const segments = mergeAdjacent(picked.map((c) => condense(c, type, terms, places)));
    const citations: Citation[] = segments.map((s, i) => ({
      n: i + 1,
      id: s.passage.id,
      text: s.text,
      source: s.source,
      section: s.passage.section,
      start: s.start,
      end: s.end,
      score: Number(s.score.toFixed(4)),
    }));
    const answer = segments.map((s, i) => `${s.truncatedStart ? '…' : ''}${closePunctuation(s.text, s.truncatedEnd)}[${i + 1}]`).join(isLatinScript(question) ? ' ' : '');
    return { status: 'answered', answer, mode: this.mode, citations, question, ...(debug ? { debug } : {}) };
  }

  async *stream(question: string, passages: SearchResult[], options: AskOptions = {}): AsyncIterable<AskEvent> {
    const response = await this.answer(question, passages, options);
    yield { type: 'citations', citations: response.citations };
    for (const piece of response.answer.match(/[^\]]*\]|[^\]]+$/g) ?? [response.answer]) yield { type: 'delta', text: piece };
    yield { type: 'done', response };
  }
}

/** Sentences that touch in the same document become one citation covering both. */
function mergeAdjacent(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    const between = last && last.source === s.source && s.start >= last.end ? s.start - last.end : -1;
    if (last && between >= 0 && between <= 2 && !last.truncatedEnd && !s.truncatedStart && last.passage.id === s.passage.id) {
      const gap = last.passage.text.slice(last.end - last.passage.start, s.start - last.passage.start);
      out[out.length - 1] = { ...last, end: s.end, text: last.text + gap + s.text, score: Math.max(last.score, s.score), truncatedEnd: s.truncatedEnd };
    } else out.push(s);
  }
  return out;
}
