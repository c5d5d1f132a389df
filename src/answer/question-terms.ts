import { cjkBigrams } from '../text/bigrams.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import { BIGRAM_MARK } from '../retrieval/search-terms.ts';
import type { WeightedTerm } from './sentence-scoring.ts';

/** Question words say what is asked, not what to match. */
const GENERIC_NOUNS = '地方|地区|城市|时候|时间|状态|情况|内容|方面|东西|意思|作用|特点|问题|措施|举措|事情|职务|职位|身份|名称|名字|称号|类型|种类|方式|手段|途径|原因';
/** Phrasing that leads into the question word (具体包括哪几个方面, 主要有哪些): how it is asked, not what. */
const FRAMING = '(?:具体|主要|分别|一共|总共|大致)?(?:包括|包含|涵盖)?';
const QUESTION_WORDS = new RegExp(
  `哪一?(?:年|个?月|天|日)|几月|几号|${FRAMING}(?:什么|哪一?(?:些|几[个项条种类名位次家大点]?|[两二三四五六七八九十\\d]+[个项条种类名位次家大点]|[个种类位])?)(?:样的?|${GENERIC_NOUNS})?|哪里|哪儿|哪|${FRAMING}多少|第几[个项名位次]?|${FRAMING}几[个项家条种类名位次]?|怎样|怎么样?|如何|是否|吗|呢|为何|为什么|何时|\\?`,
  'g',
);
const CLAUSE_BREAK = /[，,；;：:]/;
/** The words right around the question word are what is asked; the rest frames it. */
const FOCUS_FACTOR = 1;
const FOCUS_REACH = 4;
/** A lone character says little about the topic even when the corpus lacks it. */
const SINGLE_CHARACTER_WEIGHT = 1;

export interface QuestionTermSources {
  words(text: string): string[];
  termWeight(term: string): number;
}

/**
 * What a supporting sentence should contain: the question's words and its character bigrams, half the
 * weight each. Words carry meaning; bigrams survive segmentation that differs between question and text
 * (物联网 cut as 物/联网). Weights are IDF, doubled for the terms next to the question word.
 */
export function questionTerms(question: string, sources: QuestionTermSources): WeightedTerm[] {
  const clauses = normaliseForMatch(question).split(CLAUSE_BREAK);
  const asks = clauses.map((c) => new RegExp(QUESTION_WORDS.source).exec(c));
  const focusIndex = asks.findIndex((m) => m !== null);
  const weighted = new Map<string, { weight: number; focus: boolean }>();
  const add = (term: string, idf: number, focus: boolean) => {
    const weight = focus ? FOCUS_FACTOR * idf : idf;
    const known = weighted.get(term);
    weighted.set(term, { weight: Math.max(known?.weight ?? 0, weight), focus: focus || (known?.focus ?? false) });
  };
  clauses.forEach((clause, i) => {
    const ask = asks[i];
    const content = clause.replace(QUESTION_WORDS, '，');
    // What is asked sits right around the question word (要加快培育[哪类]企业); with none, everything is asked.
    const inFocus = (from: number, to: number) =>
      focusIndex === -1 || (i === focusIndex && ask !== null && ask !== undefined && to > ask.index - FOCUS_REACH && from < ask.index + 1 + FOCUS_REACH);
    let cursor = 0;
    for (const word of sources.words(content)) {
      const at = content.indexOf(word, cursor);
      cursor = at === -1 ? cursor : at + word.length;
      const idf = sources.termWeight(word);
      add(word, [...word].length === 1 ? Math.min(idf, SINGLE_CHARACTER_WEIGHT) : idf, at !== -1 && inFocus(at, at + word.length));
    }
    for (let p = 0; p + 1 < content.length; p++) {
      const bigram = content.slice(p, p + 2);
      if (cjkBigrams(bigram).length) add(BIGRAM_MARK + bigram, sources.termWeight(BIGRAM_MARK + bigram), inFocus(p, p + 2));
    }
  });
  const words: WeightedTerm[] = [];
  const bigrams: WeightedTerm[] = [];
  for (const [term, { weight, focus }] of weighted) (term.startsWith(BIGRAM_MARK) ? bigrams : words).push({ term, weight, focus });
  const sum = (list: WeightedTerm[]) => list.reduce((s, t) => s + t.weight, 0);
  const scale = sum(words) && sum(bigrams) ? sum(words) / sum(bigrams) : 1;
  return [...words, ...bigrams.map((b) => ({ ...b, term: b.term.slice(BIGRAM_MARK.length), weight: b.weight * scale }))];
}
