import { LRUCache } from 'lru-cache';
import type { AnswerMode, Answerer, AskEvent, AskOptions, AskResponse, Citation, SearchResult } from '../types.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import { candidateSentences, splitClauses } from './candidates.ts';
import { answerTypeOf, hasEntityOf, isLatinScript, requiresEntity, type AnswerType } from './question-analysis.ts';
import { scoreCandidate, termPresence, type ScoredCandidate, type WeightedTerm } from './sentence-scoring.ts';
import { noAnswerResponse } from './no-answer.ts';
import { questionTerms } from './question-terms.ts';
import { ENUMERATED, MAX_SECTION_ITEMS, headedSupport, sectionListItems, type SectionScorer } from './list-answers.ts';
import { citeListAsOne, mergeAdjacent, type CitedGroup, type Segment } from './quote-segments.ts';

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
  /** The longest span one citation of a section's list may cover; a passage's length (CHUNK_SIZE) by default. */
  maxListSpan?: number;
  /** Answers kept for repeated (question, passages) pairs; the answer is a pure function of them. 0 turns it off. */
  cacheSize?: number;
}

/** Sentences longer than this are cut down to the clauses that carry the answer. */
const CONDENSE_OVER = 90;
const SECOND_SENTENCE_RATIO = 0.8;
const DEFAULT_MAX_LIST_SPAN = 500;

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
/**
 * A 哪一年 / 多少 question wants a value tied to what is asked: the sentence must hold such a value and a word
 * of what is asked (举办 in "首次举办是在哪一年"), not merely a year beside the topic.
 */
function answersValue(type: AnswerType, c: ScoredCandidate): boolean {
  return !requiresEntity(type) || (c.hasEntity && c.holdsFocus);
}

interface Picked {
  sentences: ScoredCandidate[];
  /** The sentences are the items of one list (a section's paragraphs, or 一是/二是… items), which answer together. */
  oneList: boolean;
}

function pickSentences(scored: ScoredCandidate[], type: AnswerType, minCoverage: number, terms: readonly WeightedTerm[], wholeSection: SectionScorer): Picked {
  const eligible = scored.filter((c) => c.coverage >= minCoverage && c.ownCoverage > 0 && answersValue(type, c));
  eligible.sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
  const best = eligible[0];
  if (type === 'list') {
    const items = sectionListItems(scored, best, terms, minCoverage, wholeSection);
    if (items.length) return { sentences: items, oneList: true };
  }
  if (!best) return { sentences: [], oneList: false };
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
  const oneList = type === 'list' && picked.length >= 2 && picked.every((c) => ENUMERATED.test(c.text));
  return { sentences: picked.sort((a, b) => a.rank - b.rank || a.start - b.start), oneList };
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
    const scored = candidateSentences(passages).map((c) => scoreCandidate(c, terms, type, passages.length, presence));
    const sentenceSupport = scored.filter((c) => c.ownCoverage > 0 && answersValue(type, c)).reduce((best, c) => Math.max(best, c.coverage), 0);
    // A list question is also supported by a section whose title names it (its items are the answer).
    return type === 'list' ? Math.max(sentenceSupport, headedSupport(scored, terms)) : sentenceSupport;
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
    let sectionPassages: SearchResult[] = [];
    const wholeSection: SectionScorer = (best) => {
      if (!this.options.sectionPassages) return undefined;
      sectionPassages = this.options.sectionPassages(best.passage);
      return candidateSentences(sectionPassages).map((c) => scoreCandidate({ ...c, rank: best.rank }, terms, type, passages.length, presence));
    };
    const { sentences: picked, oneList } = terms.length ? pickSentences(scored, type, this.options.minCoverage, terms, wholeSection) : { sentences: [], oneList: false };
    const best = [...scored].sort((a, b) => b.score - a.score)[0];
    const debug = options.debug
      ? { answerType: type, terms, best: best ? { text: best.text, coverage: best.coverage, hasEntity: best.hasEntity, score: best.score } : null, minCoverage: this.options.minCoverage }
      : undefined;
    if (!picked.length) return noAnswerResponse(question, passages, this.mode, debug);

    const segments = picked.map((c) => condense(c, type, terms, places));
    const groups: CitedGroup[] = oneList
      ? citeListAsOne(segments, [...passages, ...sectionPassages], this.options.maxListSpan ?? DEFAULT_MAX_LIST_SPAN)
      : mergeAdjacent(segments);
    const citations: Citation[] = groups.map((g, i) => ({ n: i + 1, ...g.citation }));
    const quote = (s: Segment) => `${s.truncatedStart ? '…' : ''}${closePunctuation(s.text, s.truncatedEnd)}`;
    const answer = groups.map((g, i) => `${g.quotes.map(quote).join('')}[${i + 1}]`).join(isLatinScript(question) ? ' ' : '');
    return { status: 'answered', answer, mode: this.mode, citations, question, ...(debug ? { debug } : {}) };
  }

  async *stream(question: string, passages: SearchResult[], options: AskOptions = {}): AsyncIterable<AskEvent> {
    const response = await this.answer(question, passages, options);
    yield { type: 'citations', citations: response.citations };
    for (const piece of response.answer.match(/[^\]]*\]|[^\]]+$/g) ?? [response.answer]) yield { type: 'delta', text: piece };
    yield { type: 'done', response };
  }
}
