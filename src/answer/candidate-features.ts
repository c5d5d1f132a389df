import type { SearchResult } from '../types.ts';
import type { Span } from './answer-kinds.ts';
import { unitFigures } from './asked-unit.ts';
import type { Candidate } from './candidates.ts';
import { wantsPhrase } from './question-analysis.ts';
import type { SentenceFacts, Tagger } from './sentence-facts.ts';
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

/** A question word found in a sentence, and where. */
export interface Match {
  term: string;
  at: number;
}

export interface FeaturedCandidate extends Candidate {
  features: Record<SelectorFeature, number>;
  /** Question words the sentence holds, exactly or through a synonym, with where they occur in it. */
  matches: Match[];
  /** Spans of the kind of value asked that are not the question's own words. */
  spans: Span[];
}

/**
 * A sentence that continues its paragraph's subject by a pronoun or demonstrative (它, 其, 该, 本, 此, 这…):
 * the subject's name is then missing from it although it is about it. A closed class of the language; the
 * connectives that open with the same characters (其实, 其次, 其他, 此外, 那么) do not refer back.
 */
const ANAPHORIC_OPENING = /^[“"「(（]?(?:它们?|其(?![实次他])|该|本|此(?!外)|这|那(?!么)|他们?|她们?|后者|前者|两者|二者)/;

const share = (part: number, total: number) => (total > 0 ? part / total : 0);

/** Where the question's words occur in the text: exact first, else through a synonym; `held` flags the exact ones, word by word. */
function findMatches(profile: QuestionProfile, text: string): { exact: Match[]; viaSynonym: Match[]; held: boolean[] } {
  const exact: Match[] = [];
  const viaSynonym: Match[] = [];
  const held: boolean[] = [];
  for (const w of profile.words) {
    const at = text.indexOf(w.term);
    if (at !== -1) {
      exact.push({ term: w.term, at });
      held.push(true);
      continue;
    }
    held.push(false);
    for (const synonym of w.synonyms) {
      const found = text.indexOf(synonym);
      if (found !== -1) {
        viaSynonym.push({ term: w.term, at: found });
        break;
      }
    }
  }
  return { exact, viaSynonym, held };
}

/** Matched characters over the stretch from the first match to the last: close together reads as one statement. */
function proximity(matches: readonly Match[]): number {
  if (matches.length < 2) return matches.length ? 1 : 0;
  const from = Math.min(...matches.map((m) => m.at));
  const to = Math.max(...matches.map((m) => m.at + m.term.length));
  return Math.min(1, matches.reduce((s, m) => s + m.term.length, 0) / (to - from));
}

/** Sums of the question's word weights by where in and around the sentence each word is found. */
interface WordWeights {
  held: number;
  focusHeld: number;
  lead: number;
  predicateTotal: number;
  predicateHeld: number;
  missingMax: number;
  missingInContext: number;
  missingInHeadings: number;
}

/** One pass over the question's words, in their order (so sums add up exactly as term-by-term sums do). */
function wordWeights(profile: QuestionProfile, scan: QuestionScan, candidate: Candidate, held: readonly boolean[]): WordWeights {
  const sums: WordWeights = { held: 0, focusHeld: 0, lead: 0, predicateTotal: 0, predicateHeld: 0, missingMax: 0, missingInContext: 0, missingInHeadings: 0 };
  const inLeadAt = scan.wordsIn(candidate.lead);
  const inHeadingsAt = scan.wordsIn(candidate.headingPath);
  const inContextAt = scan.wordsIn(candidate.context);
  for (let i = 0; i < profile.words.length; i++) {
    const { weight, focus } = profile.words[i]!;
    const isHeld = held[i]!;
    const inLead = inLeadAt[i]!;
    const inHeadings = inHeadingsAt[i]!;
    if (isHeld) {
      sums.held += weight;
      if (focus) sums.focusHeld += weight;
    } else {
      sums.missingMax = Math.max(sums.missingMax, weight);
      if (inContextAt[i]!) sums.missingInContext += weight;
      if (inHeadings) sums.missingInHeadings += weight;
    }
    if (inLead) sums.lead += weight;
    // The paragraph's subject is named in its first sentence and its headings; the rest of the question is the predicate.
    if (!inLead && !inHeadings) {
      sums.predicateTotal += weight;
      if (isHeld) sums.predicateHeld += weight;
    }
  }
  return sums;
}

/** Question characters the sentence holds, and the sentence's ideographs the question lacks. */
function characterOverlap(scan: QuestionScan, facts: SentenceFacts): { held: number; novel: number } {
  let held = 0;
  let novel = 0;
  const { characterCodes, characterCounts } = facts;
  for (let i = 0; i < characterCodes.length; i++) {
    if (scan.hasCharacter(characterCodes[i]!)) held++;
    else novel += characterCounts[i]!;
  }
  return { held, novel };
}

export function candidateFeatures(profile: QuestionProfile, scan: QuestionScan, candidate: Candidate, passages: readonly SearchResult[], tagger: Tagger): FeaturedCandidate {
  const text = candidate.normalised;
  const { facts } = candidate;
  const { exact, viaSynonym, held } = findMatches(profile, text);
  const weights = wordWeights(profile, scan, candidate, held);
  let synonymWeight = 0;
  for (const m of viaSynonym) synonymWeight += profile.weightOf.get(m.term) ?? 0;
  let bigramsHeld = 0;
  for (const b of profile.bigrams) if (text.includes(b.term)) bigramsHeld += b.weight;
  const characters = characterOverlap(scan, facts);
  // Years and figures the question states (满10年不满20年) must match, not just the words around them.
  const stated = profile.values;
  const spans = wantsPhrase(profile.type) ? facts.answerSpans(profile.type, tagger).filter((s) => !profile.text.includes(s.text)) : [];
  const kindAsked = profile.type !== 'other' ? 1 : 0;
  const kindMatch = wantsPhrase(profile.type) ? (spans.length ? 1 : 0) : kindAsked && facts.holdsShape(profile.type, tagger) ? 1 : 0;
  const passage = candidate.passage;
  const features: Record<SelectorFeature, number> = {
    wordCover: share(weights.held, profile.wordTotal),
    bigramCover: share(bigramsHeld, profile.bigramTotal),
    characterCover: share(characters.held, profile.characters.size),
    synonymCover: share(synonymWeight, profile.wordTotal),
    focusCover: share(weights.focusHeld, profile.focusTotal),
    valueCover: stated.length ? stated.filter((v) => text.includes(v)).length / stated.length : 0,
    predicateCover: weights.predicateTotal > 0 ? share(weights.predicateHeld, weights.predicateTotal) : share(weights.held, profile.wordTotal),
    leadCover: share(weights.lead, profile.wordTotal),
    anaphoric: ANAPHORIC_OPENING.test(text) ? 1 : 0,
    contextCover: share(weights.missingInContext, profile.wordTotal),
    headingCover: share(weights.missingInHeadings, profile.wordTotal),
    missingMax: share(weights.missingMax, profile.maxWeight),
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
    novelty: share(characters.novel, facts.cjkCount),
    questionLength: Math.log1p(profile.words.length) / 3,
    // Filled in by relativeFeatures once every candidate of the question is known.
    wordCoverRelative: 0,
    bigramCoverRelative: 0,
    predicateCoverRelative: 0,
  };
  // Object.assign, not spread: on Node 20 spreading a candidate (it holds a class instance) took ~3 µs, this ~0.2 µs.
  return Object.assign({}, candidate, { features, matches: [...exact, ...viaSynonym], spans });
}

/** Look-ups every candidate of a question makes, prepared once per question (see `questionScan`). */
export interface QuestionScan {
  /** Whether a CJK character (by UTF-16 code) is one of profile.characters. */
  hasCharacter(code: number): boolean;
  /** Which of the question's words a text holds (true at the word's index): leads, headings and passages recur across candidates. */
  wordsIn(text: string): readonly boolean[];
}

/** A bit per UTF-16 code: membership without hashing a one-character string per test. */
function characterBits(characters: ReadonlySet<string>): (code: number) => boolean {
  const bits = new Uint32Array(0x10000 / 32);
  for (const c of characters) bits[c.charCodeAt(0) >>> 5]! |= 1 << (c.charCodeAt(0) & 31);
  return (code) => (bits[code >>> 5]! & (1 << (code & 31))) !== 0;
}

function memoised<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) known.set(text, (value = read(text)));
    return value;
  };
}

export function questionScan(profile: QuestionProfile): QuestionScan {
  return { hasCharacter: characterBits(profile.characters), wordsIn: memoised((text) => profile.words.map((w) => text.includes(w.term))) };
}

/** Sets each relative feature to the candidate's value over the best among the question's candidates. */
export function relativeFeatures(candidates: FeaturedCandidate[]): FeaturedCandidate[] {
  for (const [relative, absolute] of Object.entries(RELATIVE_FEATURES) as [keyof typeof RELATIVE_FEATURES, SelectorFeature][]) {
    const best = Math.max(0, ...candidates.map((c) => c.features[absolute]));
    for (const c of candidates) c.features[relative] = best > 0 ? c.features[absolute] / best : 0;
  }
  return candidates;
}
