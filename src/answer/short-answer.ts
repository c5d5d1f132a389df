import { normaliseForMatch } from '../text/normalise.ts';
import type { Span } from './answer-kinds.ts';
import { probability, type LogisticModel } from './answer-model.ts';
import type { FeaturedCandidate, Match } from './candidate-features.ts';
import type { QuestionProfile, QuestionWord } from './question-profile.ts';

/** What the phrase model sees of a value span in the answering sentence. */
export const PHRASE_FEATURES = ['distance', 'adjacent', 'focusAdjacent', 'sidesAgree', 'sameClause', 'clauseCover', 'after', 'length', 'alone'] as const;
export type PhraseFeature = (typeof PHRASE_FEATURES)[number];

const FAR = 30;
const CLAUSE_BREAK = /[，,；;：:。！？!?]/g;

function clauseIndex(text: string, at: number): number {
  return (text.slice(0, at).match(CLAUSE_BREAK) ?? []).length;
}

/** A matched word this close to a span stands by it. */
const ADJACENT_GAP = 2;

/** Characters between a matched word and a span (0 when they touch or overlap). */
function gapBetween(m: Match, span: Span): number {
  return Math.max(0, m.at - span.end, span.start - (m.at + m.term.length));
}

/** A word of the sentence matched to the question word it stands for. */
interface MatchedWord {
  match: Match;
  word: QuestionWord | undefined;
}

/**
 * The share of the question's weight, among the words the sentence holds, found on the same side of the span as of
 * the interrogative; 0.5, neither way, when no such word has a side.
 */
function sidesAgree(matched: readonly MatchedWord[], span: Span): number {
  let agreeing = 0;
  let total = 0;
  for (const { match, word } of matched) {
    if (!word?.side) continue;
    total += word.weight;
    if ((match.at < span.start ? -1 : 1) === word.side) agreeing += word.weight;
  }
  return total ? agreeing / total : 0.5;
}

export function phraseFeatures(candidate: FeaturedCandidate, span: Span, profile: QuestionProfile): Record<PhraseFeature, number> {
  const text = candidate.normalised;
  const gaps = candidate.matches.map((m) => ({ gap: gapBetween(m, span), before: m.at < span.start }));
  const nearest = gaps.sort((a, b) => a.gap - b.gap)[0];
  const clause = clauseIndex(text, span.start);
  const inClause = candidate.matches.filter((m) => clauseIndex(text, m.at) === clause);
  const matched = candidate.matches.map((match) => ({ match, word: profile.words.find((w) => w.term === match.term) }));
  return {
    distance: Math.min(FAR, nearest?.gap ?? FAR) / FAR,
    adjacent: nearest && nearest.gap <= ADJACENT_GAP ? 1 : 0,
    // The words next to the interrogative are next to the answer (哪年立的: the year by 立), as the question frames it.
    focusAdjacent: matched.some(({ match, word }) => word?.focus && gapBetween(match, span) <= ADJACENT_GAP) ? 1 : 0,
    sidesAgree: sidesAgree(matched, span),
    sameClause: inClause.length ? 1 : 0,
    clauseCover: inClause.reduce((s, m) => s + (profile.weightOf.get(m.term) ?? 0), 0) / (profile.wordTotal || 1),
    after: nearest?.before ? 1 : 0,
    length: Math.log1p(span.text.length) / 3,
    alone: 1 / candidate.spans.length,
  };
}

export interface ShortSpan {
  text: string;
  /** Offsets in the source document. */
  start: number;
  end: number;
  probability: number;
}

/** Where a span of the normalised sentence lies in the original sentence (normalising can change lengths: 繁體, spaces). */
function inOriginal(original: string, span: Span): { start: number; end: number } | null {
  const direct = original.indexOf(span.text);
  if (direct !== -1) return { start: direct, end: direct + span.text.length };
  for (let from = 0; from < original.length; from++) {
    for (let length = Math.max(1, span.text.length - 2); length <= span.text.length + 3 && from + length <= original.length; length++) {
      if (normaliseForMatch(original.slice(from, from + length)) === span.text) return { start: from, end: from + length };
    }
  }
  return null;
}

/** The value span of the sentence the phrase model finds likeliest to be the answer, with document offsets. */
export function shortAnswer(model: LogisticModel, candidate: FeaturedCandidate, profile: QuestionProfile): ShortSpan | null {
  let best: { span: Span; p: number } | null = null;
  for (const span of candidate.spans) {
    const p = probability(model, phraseFeatures(candidate, span, profile));
    if (!best || p > best.p) best = { span, p };
  }
  if (!best) return null;
  const at = inOriginal(candidate.text, best.span);
  if (!at) return null;
  return { text: candidate.text.slice(at.start, at.end), start: candidate.start + at.start, end: candidate.start + at.end, probability: best.p };
}
