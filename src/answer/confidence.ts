import { probability, type LogisticModel } from './answer-model.ts';
import type { FeaturedCandidate } from './candidate-features.ts';
import type { RankedCandidate } from './selector.ts';
import { wantsPhrase } from './question-analysis.ts';
import { NAME_TAG, type QuestionProfile } from './question-profile.ts';
import { phraseFeatures } from './short-answer.ts';
import { figuresIn, statesFigureOrRange } from '../text/figures.ts';


/** What the answerability model sees of a question and its best candidates. */
export const CONFIDENCE_FEATURES = [
  'bestProbability',
  'bestScore',
  'margin',
  'bestWordCover',
  'bestBigramCover',
  'bestCharacterCover',
  'bestPredicateCover',
  'bestFocusCover',
  'bestProximity',
  'bestMissingMax',
  'bestKindMatch',
  'unitAsked',
  'bestUnitMatch',
  'passageWordCover',
  'bestContextCover',
  'contextMissingMax',
  'contextFocusMissing',
  'outOfCorpusShare',
  'outOfCorpusNames',
  'outOfCorpusFocus',
  'outOfCorpusFrame',
  'outOfCorpusUnknown',
  'passageCharacterCover',
  'kindAsked',
  'asksValue',
  'questionValuesMissing',
  'questionNamesMissing',
  'frameNamesMissing',
  'bestPhraseProbability',
  'questionLength',
] as const;

export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

/**
 * Nouns, names and other nominal tags: a missing one means a different subject, a missing verb often only other
 * wording. Only those no dictionary lists count: a missing 养老院 or 特性 is everyday wording, 火星基地 a subject.
 * Figures are not subjects (92岁 within 90周岁以上); questionValuesMissing reads them.
 */
const NOMINAL = /^(?:n|nr|ns|nt|nz|nrt|nrfg|eng)/;
const MAX_NAMES_COUNTED = 2;
/** The selector score of a question with no candidate: below any real one. */
const NO_SCORE = -10;

export function confidenceFeatures(profile: QuestionProfile, ranked: readonly RankedCandidate[], phrase: LogisticModel): Record<ConfidenceFeature, number> {
  const [best, second] = ranked;
  // A value question is answered by a value tied to what is asked, not by any year or figure near the topic.
  const asksValue = wantsPhrase(profile.type);
  const phraseProbability = asksValue && best ? Math.max(0, ...best.spans.map((span) => probability(phrase, phraseFeatures(best, span, profile)))) : 0;
  const absent = profile.words.filter((w) => !w.inCorpus);
  const present = profile.words.filter((w) => w.inCorpus);
  const passageCover = (context: string) => profile.words.reduce((s, w) => s + (context.includes(w.term) ? w.weight : 0), 0) / (profile.wordTotal || 1);
  const contexts = [...new Set(ranked.map((c) => c.context))];
  const names = present.filter((w) => NAME_TAG.test(w.tag) && [...w.term].length > 1).map((w) => w.term);
  const frame = best ? frameOf(best) : undefined;
  return {
    bestProbability: best?.probability ?? 0,
    // How answer-like the best sentence is in itself: with the answer's sentence gone, the next best can still lead by far.
    bestScore: best?.score ?? NO_SCORE,
    margin: (best?.probability ?? 0) - (second?.probability ?? 0),
    bestWordCover: best?.features.wordCover ?? 0,
    bestBigramCover: best?.features.bigramCover ?? 0,
    bestCharacterCover: best?.features.characterCover ?? 0,
    bestPredicateCover: best?.features.predicateCover ?? 0,
    // The words next to the interrogative name what is asked: a sentence with only the frame around them does not answer.
    bestFocusCover: best?.features.focusCover ?? 0,
    bestProximity: best?.features.proximity ?? 0,
    bestMissingMax: best?.features.missingMax ?? 1,
    bestKindMatch: best?.features.kindMatch ?? 0,
    // 哪年 wants a year, 多少钱 an amount: a sentence with figures in other units (9楼, 46人) does not answer it.
    unitAsked: profile.unit ? 1 : 0,
    bestUnitMatch: best?.features.unitMatch ?? 0,
    passageWordCover: Math.max(0, ...contexts.map(passageCover)),
    // Words the corpus holds but not where the answer is: the subject of another paragraph (a name swapped in).
    bestContextCover: frame !== undefined ? passageCover(frame) : 0,
    contextMissingMax: frame !== undefined ? Math.max(0, ...present.filter((w) => !frame.includes(w.term)).map((w) => w.weight)) / (profile.maxWeight || 1) : 1,
    contextFocusMissing: frame !== undefined ? present.filter((w) => w.focus && !frame.includes(w.term)).reduce((s, w) => s + w.weight, 0) / (profile.wordTotal || 1) : 1,
    outOfCorpusShare: absent.reduce((s, w) => s + w.weight, 0) / (profile.wordTotal || 1),
    outOfCorpusNames: Math.min(MAX_NAMES_COUNTED, absent.filter((w) => NOMINAL.test(w.tag) && !w.general && [...w.term].length > 1).length) / MAX_NAMES_COUNTED,
    // A missing word next to the interrogative is often only other wording (死因, 图案); a missing subject is not.
    outOfCorpusFocus: absent.filter((w) => w.focus).reduce((s, w) => s + w.weight, 0) / (profile.wordTotal || 1),
    outOfCorpusFrame: absent.filter((w) => !w.focus).reduce((s, w) => s + w.weight, 0) / (profile.wordTotal || 1),
    outOfCorpusUnknown: Math.min(MAX_NAMES_COUNTED, absent.filter((w) => !w.general && [...w.term].length > 1).length) / MAX_NAMES_COUNTED,
    passageCharacterCover: Math.max(0, ...contexts.map((context) => [...profile.characters].filter((c) => context.includes(c)).length / (profile.characters.size || 1))),
    kindAsked: profile.type !== 'other' ? 1 : 0,
    // A figure the question states that the best passage and its headings do not (2020 asked, 2023 stated): likely another
    // fact. Only figures and codes (E3) written with digits: 一个, 一次 in a question are wording, not a value it states.
    // With no candidate, nothing states anything (1), as below.
    questionValuesMissing: frame !== undefined ? missingFigureShare(profile.text, frame) : 1,
    // Names no dictionary lists, missing from the best passage itself.
    questionNamesMissing: missingShare(profile.words.filter((w) => NAME_TAG.test(w.tag) && !w.general).map((w) => w.term), best?.context),
    // A place or name the corpus holds but not where the best sentence is (宁夏 asked, 贵州's figure found): another subject's fact.
    frameNamesMissing: frame !== undefined ? missingShare(names, frame) : 1,
    asksValue: asksValue ? 1 : 0,
    bestPhraseProbability: phraseProbability,
    questionLength: Math.log1p(profile.words.length) / 3,
  };
}

/** The best candidate's passage with its headings: what it is said about. */
function frameOf(c: FeaturedCandidate): string {
  return `${c.headingPath}\n${c.context}`;
}

/** The share of the figures and codes of `question` that `frame` does not state, on their own or inside a range (0 when there are none). */
function missingFigureShare(question: string, frame: string): number {
  const figures = [...new Set(figuresIn(question))];
  return figures.length ? figures.filter((f) => !statesFigureOrRange(frame, f)).length / figures.length : 0;
}

/** The share of `terms` not found in `context` (0 when there are none to find). */
function missingShare(terms: readonly string[], context: string | undefined): number {
  if (!terms.length) return 0;
  return terms.filter((t) => !context?.includes(t)).length / terms.length;
}
