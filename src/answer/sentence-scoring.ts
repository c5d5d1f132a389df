import type { Candidate } from './candidates.ts';
import { hasEntityOf, requiresEntity, type AnswerType } from './question-analysis.ts';

export interface WeightedTerm {
  term: string;
  weight: number;
  /** In the clause that holds the question word: what is asked rather than its framing. */
  focus: boolean;
}

export interface ScoredCandidate extends Candidate {
  /** Share of the question's term weight the sentence supports (its heading and passage count for less). */
  coverage: number;
  /** Share found in the sentence itself. */
  ownCoverage: number;
  /** Whether the sentence itself holds a term of what is asked (the words around the question word), or there are none. */
  holdsFocus: boolean;
  hasEntity: boolean;
  score: number;
  matched: string[];
}

/** Terms found only in the heading or elsewhere in the passage support a sentence, but less. */
const HEADING_CREDIT = 0.6;
const CONTEXT_CREDIT = 0.3;
/** The headings above the innermost one frame every sentence beneath them (the document a plan's items belong to). */
const PATH_CREDIT = 0.6;
const ENTITY_BONUS = 0.1;
const MISSING_ENTITY_FACTOR = 0.5;
const RANK_BONUS = 0.05;
const PLACE_BONUS = 0.2;
const PLACES_FOR_FULL_BONUS = 3;
/** Ranking (not the refusal gate) favours sentences that hold what is asked over ones that restate the framing. */
const FOCUS_BONUS = 0.5;

/** Which of the terms a text holds, computed once per distinct text (a passage's heading and body are shared by its sentences). */
export type TermPresence = (text: string) => ReadonlySet<string>;

export function termPresence(terms: readonly WeightedTerm[]): TermPresence {
  const memo = new Map<string, Set<string>>();
  return (text) => {
    let found = memo.get(text);
    if (!found) memo.set(text, (found = new Set(terms.filter((t) => text.includes(t.term)).map((t) => t.term))));
    return found;
  };
}

interface Totals {
  all: number;
  focus: number;
  hasFocus: boolean;
}

/** A question's term weights summed once, not once per candidate sentence. */
const totalsOf = new WeakMap<readonly WeightedTerm[], Totals>();

function totals(terms: readonly WeightedTerm[]): Totals {
  let found = totalsOf.get(terms);
  if (!found) {
    const focus = terms.filter((t) => t.focus);
    found = { all: terms.reduce((s, t) => s + t.weight, 0) || 1, focus: focus.reduce((s, t) => s + t.weight, 0) || 1, hasFocus: focus.length > 0 };
    totalsOf.set(terms, found);
  }
  return found;
}

export function scoreCandidate(
  candidate: Candidate,
  terms: readonly WeightedTerm[],
  type: AnswerType,
  passageCount: number,
  presence: TermPresence = termPresence(terms),
  placeCount?: (text: string) => number,
): ScoredCandidate {
  const inSentence = presence(candidate.normalised);
  const inHeading = presence(candidate.heading);
  const inPath = presence(candidate.headingPath);
  const inLead = presence(candidate.lead);
  const inContext = presence(candidate.context);
  const { all: total, focus: focusTotal, hasFocus } = totals(terms);
  let credited = 0;
  let own = 0;
  let focusOwn = 0;
  const matched: string[] = [];
  for (const { term, weight, focus } of terms) {
    if (inSentence.has(term)) {
      credited += weight;
      own += weight;
      if (focus) focusOwn += weight;
      matched.push(term);
    } else if (inHeading.has(term) || inLead.has(term)) credited += HEADING_CREDIT * weight;
    else if (inPath.has(term)) credited += PATH_CREDIT * weight;
    else if (inContext.has(term)) credited += CONTEXT_CREDIT * weight;
  }
  const coverage = credited / total;
  // Counted place names (not only the suffix pattern) let 京津冀、长三角… beat a sentence that merely says 节点.
  const places = placeCount ? Math.min(placeCount(candidate.text), PLACES_FOR_FULL_BONUS) : 0;
  const hasEntity = hasEntityOf(type, candidate.normalised) || places > 0;
  let score = coverage + (PLACE_BONUS * places) / PLACES_FOR_FULL_BONUS + FOCUS_BONUS * (focusOwn / focusTotal) + (hasEntity && type !== 'other' ? ENTITY_BONUS : 0) + RANK_BONUS * (1 - candidate.rank / Math.max(1, passageCount));
  if (requiresEntity(type) && !hasEntity) score *= MISSING_ENTITY_FACTOR;
  const holdsFocus = focusOwn > 0 || !hasFocus;
  return { ...candidate, coverage, ownCoverage: own / total, holdsFocus, hasEntity, score, matched };
}
