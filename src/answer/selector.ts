import type { SearchResult } from '../types.ts';
import type { LogisticModel } from './answer-model.ts';
import { candidateFeatures, questionScan, relativeFeatures, type FeaturedCandidate } from './candidate-features.ts';
import { candidateSentences } from './candidates.ts';
import type { QuestionProfile } from './question-profile.ts';
import type { Tagger } from './sentence-facts.ts';

/** `score` is the selector's linear score: unlike the probability it is not relative to the other candidates. */
export type RankedCandidate = FeaturedCandidate & { probability: number; score: number };

/** Every sentence of the passages with its features; the training script labels these, the answerer ranks them. */
export function featuredCandidates(profile: QuestionProfile, passages: readonly SearchResult[], tagger: Tagger): FeaturedCandidate[] {
  const scan = questionScan(profile);
  return relativeFeatures(candidateSentences(passages).map((c) => candidateFeatures(profile, scan, c, passages, tagger)));
}

/** The selector's score of a candidate: a conditional logit, compared only among one question's candidates. */
function score(model: LogisticModel, values: Readonly<Record<string, number>>): number {
  let z = model.bias;
  for (let i = 0; i < model.features.length; i++) z += model.weights[i]! * ((values[model.features[i]!]! - model.mean[i]!) / model.scale[i]!);
  return z;
}

/** Candidates with the selector's probability that each is the one holding the answer (softmax over them), best first. */
export function rankCandidates(model: LogisticModel, candidates: readonly FeaturedCandidate[]): RankedCandidate[] {
  const scores = candidates.map((c) => score(model, c.features));
  const top = Math.max(...scores);
  const exp = scores.map((z) => Math.exp(z - top));
  const total = exp.reduce((s, v) => s + v, 0);
  return candidates
    .map((c, i) => Object.assign({}, c, { probability: exp[i]! / total, score: scores[i]! }))
    .sort((a, b) => b.probability - a.probability || a.rank - b.rank || a.start - b.start);
}
