import { cjkBigrams } from '../text/bigrams.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import { BIGRAM_MARK } from '../retrieval/search-terms.ts';
import type { WeightedTerm } from './sentence-scoring.ts';

/** Question words say what is asked, not what to match. */
const QUESTION_WORDS = /什么(?:地方|时候|样)?|哪(?:一|几)?(?:些|个|里|儿|种|类|位|年|方面|地方|地区|城市)?|多少|几[个项家条种类]?|怎样|怎么|如何|是否|吗|呢|为何|为什么|何时|\?/g;
const CLAUSE_BREAK = /[，,；;：:]/;
/** The clause holding the question word is what is asked; the rest frames it. */
const FOCUS_FACTOR = 2;
/** A lone character says little about the topic even when the corpus lacks it. */
const SINGLE_CHARACTER_WEIGHT = 1;

export interface QuestionTermSources {
  words(text: string): string[];
  termWeight(term: string): number;
}

/**
 * What a supporting sentence should contain: the question's words and its character bigrams, half the
 * weight each. Words carry meaning; bigrams survive segmentation that differs between question and text
 * (物联网 cut as 物/联网). Weights are IDF, doubled in the clause that holds the question word.
 */
export function questionTerms(question: string, sources: QuestionTermSources): WeightedTerm[] {
  const clauses = normaliseForMatch(question).split(CLAUSE_BREAK);
  const focusIndex = clauses.findIndex((c) => new RegExp(QUESTION_WORDS.source).test(c));
  const weighted = new Map<string, number>();
  const add = (term: string, weight: number) => weighted.set(term, Math.max(weighted.get(term) ?? 0, weight));
  const words: WeightedTerm[] = [];
  const bigrams: WeightedTerm[] = [];
  clauses.forEach((clause, i) => {
    const factor = focusIndex === -1 || i === focusIndex ? FOCUS_FACTOR : 1;
    const content = clause.replace(QUESTION_WORDS, '，');
    for (const word of sources.words(content)) {
      const idf = sources.termWeight(word);
      add(word, factor * ([...word].length === 1 ? Math.min(idf, SINGLE_CHARACTER_WEIGHT) : idf));
    }
    for (const part of content.split('，')) for (const bigram of cjkBigrams(part)) add(BIGRAM_MARK + bigram, factor * sources.termWeight(BIGRAM_MARK + bigram));
  });
  for (const [term, weight] of weighted) (term.startsWith(BIGRAM_MARK) ? bigrams : words).push({ term, weight });
  const sum = (list: WeightedTerm[]) => list.reduce((s, t) => s + t.weight, 0);
  const scale = sum(words) && sum(bigrams) ? sum(words) / sum(bigrams) : 1;
  return [...words, ...bigrams.map((b) => ({ term: b.term.slice(BIGRAM_MARK.length), weight: b.weight * scale }))];
}
