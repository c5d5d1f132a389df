/** The parts of a Chinese question a follow-up can refer to, found from jieba's part-of-speech tags. */
import nodejieba from 'nodejieba';

export interface TaggedWord {
  word: string;
  /** jieba (ICTCLAS) tag: n… nouns, ns places, nt organisations, nr people, v verbs, vn verbal nouns, r pronouns… */
  tag: string;
  /** Offsets in the tagged text. */
  start: number;
  end: number;
}

/** A maximal run of nominal words: a noun phrase, cut at 的 so that `数据中心的目标` gives `数据中心` and `目标`. */
export interface Phrase {
  text: string;
  start: number;
  end: number;
  /** Index of its first and last word in the tagged words. */
  first: number;
  last: number;
}

/** Words carrying content; jieba tags unknown words (e.g. 东数, 西算) `x`, which also covers punctuation. */
const NOMINAL_TAG = /^(n|vn|an|eng|l|j|b|a|g)/;
/** Verbs (except verbal nouns), prepositions, adverbs, pronouns, conjunctions and particles end the subject. */
const PREDICATE_TAG = /^(v(?!n)|p|d|r|c|u(?!j)|y)/;
const WORD_LIKE = /[\p{L}\p{N}]/u;
/** Place, organisation and person names: a follow-up like “那贵州呢？” swaps one name for another of the same kind. */
const NAME_KINDS: Record<string, RegExp> = { place: /^ns/, organisation: /^nt/, person: /^nr/ };
/**
 * A time phrase opening a question (“到2025年”, “截至2030年底”, “‘十四五’时期”) is a setting, not the subject.
 * `十四五` style names are how Chinese plans name five-year periods.
 */
const LEADING_TIME =
  /^\s*(?:(?:到|在|截至|截止到?|至|从|于)\s*)?(?:\d{4}\s*年(?:底|末|初|前|后)?|[“"‘']?[一二三四五六七八九十]{2,3}五[”"’']?(?:时期|期间|末)?)[,，、\s]*/;
/** Where the things asked about end: pronouns, prepositions, particles, conjunctions, adverbs, and 是/有/要… */
const CLAUSE_END_TAG = /^(r|p|u|y|c|d)/;
const COPULA_OR_MODAL = /^[是有在要将会能应]$/;
/** Question words that introduce what is being asked about (“哪些可再生能源”, “几个数据中心集群”). */
const ASKING_WORD = /^(哪些|哪几|几|多少|什么|哪)/;

function isWordLike(token: TaggedWord): boolean {
  return WORD_LIKE.test(token.word);
}

/** Model and item numbers are part of a name: “3号线”, “X200型”. */
const NUMBERED = /^(号|型|代)$/;

/** Question words jieba tags as idioms or nouns (怎么办/l): they name nothing. */
const QUESTION_WORD = /^(怎么办|怎么样|怎样|什么|如何|为何)$/;

export function isNominal(token: TaggedWord): boolean {
  if (!isWordLike(token) || QUESTION_WORD.test(token.word)) return false;
  return NOMINAL_TAG.test(token.tag) || token.tag === 'x' || NUMBERED.test(token.word);
}

function isPredicate(token: TaggedWord): boolean {
  return isWordLike(token) && PREDICATE_TAG.test(token.tag);
}

/** Tagged words with their offsets (jieba returns the words in order and unchanged). */
export function tagWords(text: string): TaggedWord[] {
  const words: TaggedWord[] = [];
  let cursor = 0;
  for (const { word, tag } of nodejieba.tag(text)) {
    const start = text.indexOf(word, cursor);
    if (start < 0) continue;
    words.push({ word, tag, start, end: start + word.length });
    cursor = start + word.length;
  }
  return words;
}

/** Noun phrases in order; whitespace inside a phrase is kept (documents and questions carry stray spaces). */
export function nounPhrases(text: string, words: readonly TaggedWord[]): Phrase[] {
  const phrases: Phrase[] = [];
  let first = -1;
  let last = -1;
  const close = () => {
    if (first < 0) return;
    const start = words[first]!.start;
    const end = words[last]!.end;
    // A phrase of adjectives or modifiers alone (“主要”, “重要”) names nothing.
    const named = words.slice(first, last + 1).some((w) => isNominal(w) && !/^[ab]/.test(w.tag));
    if (named) phrases.push({ text: text.slice(start, end), start, end, first, last });
    first = -1;
  };
  words.forEach((word, i) => {
    if (isNominal(word)) {
      if (first < 0) first = i;
      last = i;
    } else if (!(first >= 0 && /^\s+$/.test(word.word))) {
      close();
    }
  });
  close();
  return phrases;
}

/** Offset where the question proper starts, after an opening time phrase. */
function afterLeadingTime(text: string): number {
  return LEADING_TIME.exec(text)?.[0].length ?? 0;
}

function longest(phrases: readonly Phrase[]): Phrase | undefined {
  return phrases.reduce<Phrase | undefined>((best, p) => (!best || [...p.text].length > [...best.text].length ? p : best), undefined);
}

export interface QuestionParts {
  text: string;
  words: TaggedWord[];
  phrases: Phrase[];
  /** What the question is about: its longest noun phrase before the predicate, else its longest noun phrase. */
  subject: Phrase | undefined;
  /** What it asks for: the phrase after a question word (“哪些可再生能源”), else the last phrase before it (“主要任务有哪些”). */
  asked: Phrase | undefined;
}

export function questionParts(text: string): QuestionParts {
  const words = tagWords(text);
  const phrases = nounPhrases(text, words);
  const from = afterLeadingTime(text);
  const predicate = words.findIndex((w) => w.start >= from && isPredicate(w));
  const beforePredicate = phrases.filter((p) => p.start >= from && (predicate < 0 || p.last < predicate));
  const subject = longest(beforePredicate) ?? longest(phrases);

  const asking = words.findIndex((w) => ASKING_WORD.test(w.word) && /^(r|m)/.test(w.tag));
  const asked = asking < 0 ? undefined : (askedAfter(text, words, asking) ?? phrases.filter((p) => p.last < asking).at(-1));
  return { text, words, phrases, subject, asked };
}

/**
 * The words after a question word up to the end of the clause: “几个/m 数据中心集群”, “哪些/r 可/v 再生能源/l”.
 * Verbs are let in, since jieba splits and mis-tags nouns (可|再生能源, 举措/v).
 */
function askedAfter(text: string, words: readonly TaggedWord[], asking: number): Phrase | undefined {
  let first = asking + 1;
  while (first < words.length && /^(q|m)/.test(words[first]!.tag)) first++;
  // A one-character word there is usually a prefix jieba split off (可 of 可再生能源), unless it is a copula or modal.
  while (first < words.length && !isNominal(words[first]!) && (words[first]!.word.length > 1 || COPULA_OR_MODAL.test(words[first]!.word))) first++;
  let last = first - 1;
  for (let i = first; i < words.length && isWordLike(words[i]!) && !CLAUSE_END_TAG.test(words[i]!.tag) && !COPULA_OR_MODAL.test(words[i]!.word); i++) last = i;
  if (first > last || !words.slice(first, last + 1).some(isNominal)) return undefined;
  const start = words[first]!.start;
  const end = words[last]!.end;
  return { text: text.slice(start, end), start, end, first, last };
}

/** The kind of name a phrase is (place, organisation, person), when its last word is one. */
export function nameKind(words: readonly TaggedWord[], phrase: Phrase): string | undefined {
  const head = words[phrase.last];
  if (!head) return undefined;
  return Object.entries(NAME_KINDS).find(([, tag]) => tag.test(head.tag))?.[0];
}

/** The first word of `parts` that is a name of `kind`. */
export function firstName(parts: QuestionParts, kind: string): TaggedWord | undefined {
  const tag = NAME_KINDS[kind];
  return tag ? parts.words.find((w) => tag.test(w.tag) && isWordLike(w)) : undefined;
}
