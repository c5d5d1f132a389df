import type { SearchResult } from '../types.ts';
import { answerSpans, holdsAnswerShape, type Span, type TaggedWord } from './answer-kinds.ts';
import { unitFigures } from './asked-unit.ts';
import type { Candidate } from './candidates.ts';
import { wantsPhrase } from './question-analysis.ts';
import type { QuestionProfile } from './question-profile.ts';

/**
 * What the answer selector sees of a candidate sentence. Every feature means the same on any document:
 * shares of the question's weight, whether the sentence holds the kind of value asked, where it sits.
 */
export const SELECTOR_FEATURES = [
  'wordCover',
  'bigramCover',
  'characterCover',
  'synonymCover',
  'focusCover',
  'valueCover',
  'predicateCover',
  'leadCover',
  'anaphoric',
  'contextCover',
  'headingCover',
  'missingMax',
  'kindAsked',
  'kindMatch',
  'kindMissing',
  'unitMatch',
  'proximity',
  'rankInverse',
  'scoreRatio',
  'isLead',
  'position',
  'length',
  'novelty',
  'questionLength',
  'wordCoverRelative',
  'bigramCoverRelative',
  'predicateCoverRelative',
] as const;

/** Features read relative to the best value among the question's candidates: the selector compares within a question. */
export const RELATIVE_FEATURES = { wordCoverRelative: 'wordCover', bigramCoverRelative: 'bigramCover', predicateCoverRelative: 'predicateCover' } as const;

export type SelectorFeature = (typeof SELECTOR_FEATURES)[number];

export interface FeaturedCandidate extends Candidate {
  features: Record<SelectorFeature, number>;
  /** Question words the sentence holds, exactly or through a synonym, with where they occur in it. */
  matches: { term: string; at: number }[];
  /** Spans of the kind of value asked that are not the question's own words. */
  spans: Span[];
}

/**
 * A sentence that continues its paragraph's subject by a pronoun or demonstrative (它, 其, 该, 本, 此, 这…):
 * the subject's name is then missing from it although it is about it. A closed class of the language.
 */
const ANAPHORIC_OPENING = /^[“"「(（]?(?:它们?|其|该|本|此|这|那|他们?|她们?|后者|前者|两者|二者)/;

/** Normalised sentence text → its tagging; tagging is the costly part, and passages repeat across questions. */
export type Tagger = (normalisedText: string) => readonly TaggedWord[];

const share = (part: number, total: number) => (total > 0 ? part / total : 0);

/** Where the question's words occur in the text: exact first, else through a synonym. */
function findMatches(profile: QuestionProfile, text: string) {
  const exact: { term: string; at: number }[] = [];
  const viaSynonym: { term: string; at: number }[] = [];
  for (const w of profile.words) {
    const at = text.indexOf(w.term);
    if (at !== -1) {
      exact.push({ term: w.term, at });
      continue;
    }
    for (const synonym of w.synonyms) {
      const found = text.indexOf(synonym);
      if (found !== -1) {
        viaSynonym.push({ term: w.term, at: found });
        break;
      }
    }
  }
  return { exact, viaSynonym };
}

/** Matched characters over the stretch from the first match to the last: close together reads as one statement. */
function proximity(matches: readonly { term: string; at: number }[]): number {
  if (matches.length < 2) return matches.length ? 1 : 0;
  const from = Math.min(...matches.map((m) => m.at));
  const to = Math.max(...matches.map((m) => m.at + m.term.length));
  return Math.min(1, matches.reduce((s, m) => s + m.term.length, 0) / (to - from));
}

export function candidateFeatures(profile: QuestionProfile, candidate: Candidate, passages: readonly SearchResult[], tagger: Tagger): FeaturedCandidate {
  const text = candidate.normalised;
  const weightOf = new Map(profile.words.map((w) => [w.term, w]));
  const { exact, viaSynonym } = findMatches(profile, text);
  const held = new Set(exact.map((m) => m.term));
  const sum = (terms: Iterable<string>) => [...terms].reduce((s, t) => s + (weightOf.get(t)?.weight ?? 0), 0);
  const missing = profile.words.filter((w) => !held.has(w.term));
  const focusTotal = profile.words.filter((w) => w.focus).reduce((s, w) => s + w.weight, 0);
  // The paragraph's subject is named in its first sentence and its headings; the rest of the question is the predicate.
  const frame = `${candidate.lead}\n${candidate.headingPath}`;
  const predicate = profile.words.filter((w) => !frame.includes(w.term));
  const predicateTotal = predicate.reduce((s, w) => s + w.weight, 0);
  const bigramsHeld = profile.bigrams.reduce((s, b) => s + (text.includes(b.term) ? b.weight : 0), 0);
  const charactersHeld = [...profile.characters].filter((c) => text.includes(c)).length;
  const questionSpans = (span: Span) => profile.text.includes(span.text);
  // Years and figures the question states (满10年不满20年) must match, not just the words around them.
  const stated = questionValues(profile);
  const spans = wantsPhrase(profile.type) ? answerSpans(profile.type, text, () => tagger(text)).filter((s) => !questionSpans(s)) : [];
  const kindAsked = profile.type !== 'other' ? 1 : 0;
  const kindMatch = wantsPhrase(profile.type) ? (spans.length ? 1 : 0) : kindAsked && holdsAnswerShape(profile.type, text, () => tagger(text)) ? 1 : 0;
  const novel = [...text].filter((c) => /[\u3400-\u9fff]/.test(c) && !profile.characters.has(c)).length;
  const cjk = [...text].filter((c) => /[\u3400-\u9fff]/.test(c)).length;
  const passage = candidate.passage;
  const features: Record<SelectorFeature, number> = {
    wordCover: share(sum(held), profile.wordTotal),
    bigramCover: share(bigramsHeld, profile.bigramTotal),
    characterCover: share(charactersHeld, profile.characters.size),
    synonymCover: share(sum(viaSynonym.map((m) => m.term)), profile.wordTotal),
    focusCover: share(sum(profile.words.filter((w) => w.focus && held.has(w.term)).map((w) => w.term)), focusTotal),
    valueCover: stated.length ? stated.filter((v) => text.includes(v)).length / stated.length : 0,
    predicateCover: predicateTotal > 0 ? share(sum(predicate.filter((w) => held.has(w.term)).map((w) => w.term)), predicateTotal) : share(sum(held), profile.wordTotal),
    leadCover: share(profile.words.filter((w) => candidate.lead.includes(w.term)).reduce((s, w) => s + w.weight, 0), profile.wordTotal),
    anaphoric: ANAPHORIC_OPENING.test(text) ? 1 : 0,
    contextCover: share(sum(missing.filter((w) => candidate.context.includes(w.term)).map((w) => w.term)), profile.wordTotal),
    headingCover: share(sum(missing.filter((w) => candidate.headingPath.includes(w.term)).map((w) => w.term)), profile.wordTotal),
    missingMax: share(Math.max(0, ...missing.map((w) => w.weight)), profile.maxWeight),
    kindAsked,
    kindMatch,
    kindMissing: kindAsked && !kindMatch ? 1 : 0,
    unitMatch: profile.unit && unitFigures(profile.unit, text, profile.text).length ? 1 : 0,
    proximity: proximity(exact),
    rankInverse: 1 / (1 + candidate.rank),
    scoreRatio: share(passage.score, passages[0]?.score ?? 0),
    isLead: candidate.isLead ? 1 : 0,
    position: share(candidate.start - passage.start, passage.text.length),
    length: Math.log1p(text.length) / 6,
    novelty: share(novel, cjk),
    questionLength: Math.log1p(profile.words.length) / 3,
    // Filled in by relativeFeatures once every candidate of the question is known.
    wordCoverRelative: 0,
    bigramCoverRelative: 0,
    predicateCoverRelative: 0,
  };
  return { ...candidate, features, matches: [...exact, ...viaSynonym], spans };
}

const statedValues = new WeakMap<QuestionProfile, string[]>();

/** The numbers, dates and times a question states, read once per question. */
function questionValues(profile: QuestionProfile): string[] {
  let values = statedValues.get(profile);
  if (!values) statedValues.set(profile, (values = [...answerSpans('time', profile.text, () => []), ...answerSpans('number', profile.text, () => [])].map((s) => s.text)));
  return values;
}

/** Sets each relative feature to the candidate's value over the best among the question's candidates. */
export function relativeFeatures(candidates: FeaturedCandidate[]): FeaturedCandidate[] {
  for (const [relative, absolute] of Object.entries(RELATIVE_FEATURES) as [keyof typeof RELATIVE_FEATURES, SelectorFeature][]) {
    const best = Math.max(0, ...candidates.map((c) => c.features[absolute]));
    for (const c of candidates) c.features[relative] = best > 0 ? c.features[absolute] / best : 0;
  }
  return candidates;
}
