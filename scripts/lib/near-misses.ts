/**
 * Questions the corpus does not answer, made from questions it does, so that the answerability model learns
 * the near misses people write: a subject no document names (火星基地 for 獬豸计划), a subject another
 * paragraph names while this one states the predicate, and a subject the document has without the fact asked.
 */
import { splitSentences } from '../../src/chunking/sentences.ts';
import type { JiebaTokenizer } from '../../src/text/jieba.ts';
import { statesFigureOrRange } from '../../src/text/figures.ts';
import { normaliseForMatch } from '../../src/text/normalise.ts';
import type { SearchResult } from '../../src/types.ts';

const NOUN = /^n/;

/** A question's nouns the corpus holds (two characters or more), rarest first: its subject before its frame. */
function corpusNouns(question: string, tokenizer: JiebaTokenizer, documentFrequency: (t: string) => number) {
  return tokenizer
    .tag(normaliseForMatch(question))
    .filter((t) => NOUN.test(t.tag) && t.word.length >= 2 && documentFrequency(t.word) > 0)
    .sort((a, b) => documentFrequency(a.word) - documentFrequency(b.word) || (a.word < b.word ? -1 : 1));
}

/** The question with its rarest noun replaced by a noun no indexed paragraph holds, or null when it has none. */
export function strangerSubject(question: string, tokenizer: JiebaTokenizer, documentFrequency: (t: string) => number, strangers: readonly string[], seed: number): string | null {
  const rarest = corpusNouns(question, tokenizer, documentFrequency)[0];
  if (!rarest || !strangers.length) return null;
  return normaliseForMatch(question).replace(rarest.word, strangers[seed % strangers.length]!);
}

export interface NamedNoun {
  word: string;
  tag: string;
}

/**
 * The question with its rarest noun replaced by another noun of the same tag that the corpus holds but the
 * question's own paragraph does not: every word is still found somewhere, only not together. Null when no
 * such noun is at hand.
 */
export function swappedSubject(question: string, ownParagraph: string, tokenizer: JiebaTokenizer, documentFrequency: (t: string) => number, pool: readonly NamedNoun[], seed: number): string | null {
  const rarest = corpusNouns(question, tokenizer, documentFrequency)[0];
  if (!rarest) return null;
  const paragraph = normaliseForMatch(ownParagraph);
  const fits = pool.filter((n) => n.tag === rarest.tag && n.word !== rarest.word && !paragraph.includes(n.word) && !rarest.word.includes(n.word) && !n.word.includes(rarest.word));
  if (!fits.length) return null;
  return normaliseForMatch(question).replace(rarest.word, fits[seed % fits.length]!.word);
}

/**
 * The passages with every sentence of `source` that holds a gold answer cut out: the subject and its
 * paragraph stay, the fact asked is gone. Null when the question's paragraph was not retrieved or the
 * answer cannot be cut out sentence by sentence.
 */
export function withoutAnswer(passages: readonly SearchResult[], source: string, answers: readonly string[]): SearchResult[] | null {
  const gold = answers.map(normaliseForMatch).filter(Boolean);
  let cut = false;
  const out: SearchResult[] = [];
  for (const passage of passages) {
    if (passage.source !== source) {
      out.push(passage);
      continue;
    }
    let text = '';
    let from = 0;
    for (const span of splitSentences(passage.text)) {
      const sentence = normaliseForMatch(passage.text.slice(span.start, span.end));
      if (!gold.some((a) => sentence.includes(a))) continue;
      text += passage.text.slice(from, span.start);
      from = span.end;
      cut = true;
    }
    text += passage.text.slice(from);
    const normalised = normaliseForMatch(text);
    if (gold.some((a) => normalised.includes(a))) return null;
    if (text.trim()) out.push({ ...passage, text, end: passage.start + text.length });
  }
  return cut ? out : null;
}

/** A whole number standing on its own: not part of a decimal (3.5) or of a name (5G, QM-R600). */
const WHOLE_FIGURE = /(?<![\d.a-z])\d+(?![\d.a-z])/;

/**
 * The question with its first figure, one its paragraph states, changed to one the paragraph does not state on
 * its own or inside a range (a year or count moved by a small step): every word still matches, only the figure
 * asked about is not there. Null without such a figure or a free replacement.
 */
export function changedFigure(question: string, ownParagraph: string, seed: number): string | null {
  const normalised = normaliseForMatch(question);
  const figure = WHOLE_FIGURE.exec(normalised);
  const paragraph = normaliseForMatch(ownParagraph);
  if (!figure || !statesFigureOrRange(paragraph, figure[0])) return null;
  const value = Number(figure[0]);
  const steps = [1, 2, 3, 5, 10].map((step) => (seed % 2 ? value + step : value - step));
  const replacement = steps.find((v) => v > 0 && !statesFigureOrRange(paragraph, String(v)));
  return replacement === undefined ? null : normalised.replace(WHOLE_FIGURE, String(replacement));
}
