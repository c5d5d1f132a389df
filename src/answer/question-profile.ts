import { cjkBigrams } from '../text/bigrams.ts';
import { figuresIn, isCode } from '../text/figures.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import { isStopword } from '../text/stopwords.ts';
import { answerSpans, type TaggedWord } from './answer-kinds.ts';
import { askedUnit, type AskedUnit } from './asked-unit.ts';
import { answerTypeOf, isLatinScript, type AnswerType } from './question-analysis.ts';

/**
 * Interrogatives and the measure words they bind (哪一年, 多少个, 第几名): what kind of answer is asked,
 * never what to match. A closed class of the language.
 */
const INTERROGATIVE = /为啥|干啥|啥|咋样|咋|哪一?(?:年|个?月|天|日)|几月|几号|几点|什么|哪里|哪儿|哪一?(?:些|几[个项条种类名位次家大点]?|[两二三四五六七八九十\d]+[个项条种类名位次家大点]|[个种类位家])?|哪|多少|第几[个项名位次]?|几(?:小时|分钟|[个项家条种类名位次天年月周岁层])?|怎样|怎么样?|如何|是否|吗|呢|为何|为什么|何时|何地|何处|谁|多久|多大|多长|\?/g;
/** The A-not-A question (发不发, 是不是, 有没有): it asks whether A, so A is what stays of it. A form of the grammar. */
const A_NOT_A = /([\u4e00-\u9fff])[不没]\1/g;
const CLAUSE_BREAK = /[，,；;：:？?！!。]/;
const PART_BREAK = /(?<=[？?；;。！!，,])/;
/** Words within this many characters of the interrogative are what is asked (要加快培育[哪类]企业). */
const FOCUS_REACH = 4;
/** A lone character says little about the topic even when the corpus lacks it; nor does a common verb it lacks. */
const SINGLE_CHARACTER_WEIGHT = 1;
const NOMINAL_TAG = /^n/;

export interface QuestionWord {
  term: string;
  /** IDF in the indexed corpus. */
  weight: number;
  /** Next to the interrogative: what is asked rather than its framing. */
  focus: boolean;
  /** Before (-1) or after (1) the interrogative in the question; 0 when it asks with none. */
  side: -1 | 0 | 1;
  /** jieba's part-of-speech tag (n…, v…, ns, nr …). */
  tag: string;
  /** Whether the corpus holds the word at all. */
  inCorpus: boolean;
  /** Words sharing a specific English gloss, from the lexicon. */
  synonyms: readonly string[];
  /** General vocabulary a dictionary lists, as opposed to a name. */
  general: boolean;
}

export interface QuestionProfile {
  type: AnswerType;
  /** The unit the question asks its figure in (多少天, 哪一年, 第几), if any. */
  unit: AskedUnit | null;
  /** The normalised question (for English, its lexicon translation). */
  text: string;
  words: QuestionWord[];
  /** Each word's weight, by term. */
  weightOf: ReadonlyMap<string, number>;
  /** The numbers, dates, times and codes the question states (满10年不满20年, E3). */
  values: string[];
  bigrams: { term: string; weight: number }[];
  /** Content characters (CJK), interrogatives removed. */
  characters: ReadonlySet<string>;
  wordTotal: number;
  /** The weight of the words next to the interrogative. */
  focusTotal: number;
  bigramTotal: number;
  maxWeight: number;
}

export interface ProfileSources {
  /** Part-of-speech tagging of normalised text. */
  tag(text: string): TaggedWord[];
  /** IDF of a term (a word, or a bigram marked as the index marks it). */
  termWeight(term: string): number;
  /** How many passages hold the term. */
  documentFrequency(term: string): number;
  bigramTerm(bigram: string): string;
  synonymsOf?(word: string): readonly string[];
  /** Whether a word is general vocabulary (a dictionary word) rather than a name. */
  isGeneral?(word: string): boolean;
  /** Chinese terms for an English question, one list of alternatives per English word or phrase, the likeliest first. */
  readings?(english: string): string[][];
}

/**
 * Whether the corpus holds a word: as an indexed term, or else as every one of its character bigrams (the
 * corpus may cut 腔吻鳕 differently from the question, but a name it never mentions breaks at some bigram).
 */
function inCorpus(term: string, sources: ProfileSources): boolean {
  if (sources.documentFrequency(term) > 0) return true;
  const bigrams = cjkBigrams(term);
  return bigrams.length > 0 && bigrams.every((b) => sources.documentFrequency(sources.bigramTerm(b)) > 0);
}

/** Function characters jieba's unknown-word model glues onto the word before them (云是, 建在, 委等, 天能). */
const GLUED_PARTICLES = /[是在的了着过等要能会和与及或吗呢吧啊么]+$/u;
/** jieba's tags for names of people, places, organisations and other proper nouns. */
export const NAME_TAG = /^(?:nr|ns|nt|nz)/;

/**
 * A word neither the corpus nor the dictionary holds, with the particles glued onto its end taken off when what
 * is left is a word the corpus holds (云是 → 云): otherwise the pair reads as a rare word the documents lack.
 * Names (何晓东, tagged nr) and words without a dictionary to tell 云是 from 基地 stay whole.
 */
function withoutGluedParticles(term: string, tag: string, sources: ProfileSources): string {
  if (!GLUED_PARTICLES.test(term) || NAME_TAG.test(tag) || !sources.isGeneral || sources.isGeneral(term) || inCorpus(term, sources)) return term;
  const stripped = term.replace(GLUED_PARTICLES, '');
  return stripped && inCorpus(stripped, sources) ? stripped : term;
}

interface FoundWord {
  term: string;
  tag: string;
  at: number;
  /** Two single characters read as one word, weighed as the corpus's character bigram. */
  joined?: true;
}

const ONE_IDEOGRAPH = /^[\u3400-\u9fff]$/u;
/** jieba's tag for a word it does not know: a joined pair is no name or noun it could tell. */
const UNKNOWN_WORD_TAG = 'x';

/**
 * Two single characters jieba leaves side by side (浸 沤 of 浸沤) read as the word the corpus spells with them when it
 * holds the pair: a word the dictionary lacks, whose characters alone would weigh next to nothing. Pairs only, left to
 * right (東數西算 → 东数, 西算): a pair the corpus holds occurs in it, a longer run of held pairs may not.
 */
function withUnknownWordsJoined(found: readonly FoundWord[], sources: ProfileSources): FoundWord[] {
  const out: FoundWord[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    const pair = b && a.at !== -1 && a.at + 1 === b.at && ONE_IDEOGRAPH.test(a.term) && ONE_IDEOGRAPH.test(b.term) ? a.term + b.term : '';
    if (pair && inCorpus(pair, sources)) {
      out.push({ term: pair, tag: UNKNOWN_WORD_TAG, at: a.at, joined: true });
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * For a word of a translated question, the other senses of the English words it renders: of the reading it heads, or
 * the one whose first sense jieba cut it from (对抗 of 对抗者). A sense another reading heads is that reading's word, not
 * a synonym here.
 */
function sensesBesides(readings: readonly string[][]): (term: string) => string[] {
  const heads = new Set(readings.map((r) => r[0]!));
  return (term) => {
    const own = readings.filter((r) => r[0] === term);
    const rendering = own.length ? own : readings.filter((r) => r[0]!.includes(term));
    return rendering.flatMap((r) => r.slice(1)).filter((sense) => !heads.has(sense));
  };
}

/**
 * The parts of a question that asks several things (婚假能休几天？必须在多久之内休完？), each closed by its own
 * interrogative; a later part is prefixed with the first part's words (without its interrogative), so that
 * it keeps the subject it leaves out. One part when the question asks one thing.
 */
export function questionParts(question: string): string[] {
  const parts: string[] = [];
  let pending = '';
  for (const clause of question.split(PART_BREAK)) {
    pending += clause;
    if (new RegExp(INTERROGATIVE.source).test(normaliseForMatch(clause).replace(/[？?]/g, ''))) {
      parts.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim() && parts.length) parts[parts.length - 1] += pending;
  if (parts.length < 2) return [question];
  const subject = parts[0]!.replace(INTERROGATIVE, '').replace(/[，,；;。！!？?\s]+$/u, '');
  return [parts[0]!, ...parts.slice(1).map((p) => `${subject}，${p.replace(/^[，,；;\s]+/u, '')}`)];
}

/** The question's content words with their weights, bigrams and characters, read once per question. */
export function profileQuestion(question: string, sources: ProfileSources): QuestionProfile {
  const type = answerTypeOf(question);
  // An English word's likeliest sense is matched as the word, its other senses as synonyms (data: 数据, else 资料).
  const readings = isLatinScript(question) && sources.readings ? sources.readings(question).filter((r) => r.length) : null;
  const otherSenses = readings ? sensesBesides(readings) : () => [];
  const text = readings ? readings.map((r) => r[0]).join('，') : normaliseForMatch(question);
  const clauses = text.split(CLAUSE_BREAK);
  const asks = clauses.map((c) => new RegExp(INTERROGATIVE.source).exec(c));
  const focusClause = asks.findIndex((m) => m !== null);
  const words = new Map<string, QuestionWord>();
  const bigrams = new Map<string, number>();
  clauses.forEach((clause, i) => {
    const ask = asks[i];
    const content = clause.replace(A_NOT_A, '$1').replace(INTERROGATIVE, '，');
    const inFocus = (from: number, to: number) => focusClause === -1 || (i === focusClause && !!ask && to > ask.index - FOCUS_REACH && from < ask.index + ask[0].length + FOCUS_REACH);
    const found: FoundWord[] = [];
    let cursor = 0;
    for (const { word, tag } of sources.tag(content)) {
      const at = content.indexOf(word, cursor);
      if (at !== -1) cursor = at + word.length;
      const term = withoutGluedParticles(word.trim().toLowerCase(), tag, sources);
      if (term && !isStopword(term) && /[\p{L}\p{N}]/u.test(term)) found.push({ term, tag, at: at === -1 ? -1 : at + word.indexOf(term) });
    }
    // Chatter around the question (老师让我们写报告, 谢谢啦): a clause that asks nothing and names nothing the corpus holds.
    if (clauses.length > 1 && !ask && !found.some((f) => inCorpus(f.term, sources))) return;
    for (const { term, tag, at, joined } of withUnknownWordsJoined(found, sources)) {
      if (words.has(term)) continue;
      const idf = sources.termWeight(joined ? sources.bigramTerm(term) : term);
      const held = inCorpus(term, sources);
      const general = sources.isGeneral?.(term) ?? false;
      // A dictionary verb or adverb the documents never use (拿来, 看看, 到底) is other wording, not a rare topic.
      const otherWording = !held && general && !NOMINAL_TAG.test(tag);
      words.set(term, {
        term,
        weight: [...term].length === 1 || otherWording ? Math.min(idf, SINGLE_CHARACTER_WEIGHT) : idf,
        focus: at !== -1 && inFocus(at, at + term.length),
        side: focusClause === -1 ? 0 : i < focusClause || (i === focusClause && at < ask!.index) ? -1 : 1,
        tag,
        inCorpus: held,
        synonyms: [...new Set([...otherSenses(term), ...(sources.synonymsOf?.(term) ?? [])])].filter((s) => s !== term),
        general,
      });
    }
    for (const bigram of cjkBigrams(content)) if (!bigrams.has(bigram)) bigrams.set(bigram, sources.termWeight(sources.bigramTerm(bigram)));
  });
  // An English word brings several senses; the documents' own vocabulary tells which of them to look for.
  const translated = text !== normaliseForMatch(question);
  const used = [...words.values()].filter((w) => w.inCorpus);
  const wordList = translated && used.length ? used : [...words.values()];
  const bigramList = [...bigrams].map(([term, weight]) => ({ term, weight }));
  const characters = new Set([...text.replace(INTERROGATIVE, '')].filter((c) => /[\u3400-\u9fff]/.test(c) && !isStopword(c)));
  return {
    type,
    unit: askedUnit(text),
    text,
    words: wordList,
    weightOf: new Map(wordList.map((w) => [w.term, w.weight])),
    // Codes (E3, QM-R600) name one thing among its like, as the figures do; answer spans do not read them as numbers.
    values: [...answerSpans('time', text, () => []), ...answerSpans('number', text, () => [])].map((s) => s.text).concat(figuresIn(text).filter(isCode)),
    bigrams: bigramList,
    characters,
    wordTotal: wordList.reduce((s, w) => s + w.weight, 0),
    focusTotal: wordList.filter((w) => w.focus).reduce((s, w) => s + w.weight, 0),
    bigramTotal: bigramList.reduce((s, b) => s + b.weight, 0),
    maxWeight: Math.max(0, ...wordList.map((w) => w.weight)),
  };
}
