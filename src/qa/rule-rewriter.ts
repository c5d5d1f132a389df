/**
 * Follow-up questions made standalone by rule, without a model: “它的目标是多少？” or “那贵州呢？” borrows what the
 * previous question was about. Deterministic and fast, so it is the default and the fallback of the LLM rewriter.
 */
import type { ChatTurn } from '../types.ts';
import { nameEndingAt, sameEnding, sameUnit } from './counterparts.ts';
import { firstName, isNominal, nameKind, questionParts, tagWords, type Phrase, type QuestionParts, type TaggedWord } from './question-phrases.ts';
import type { QuestionRewriter } from './retrieval-qa-service.ts';

/** Only the recent questions can be what a follow-up refers to; chains longer than this start over. */
export const RULE_REWRITE_MAX_TURNS = 6;
/** A question this short that opens with 那/它/这/还有… leans on the previous one. */
const SHORT_FOLLOW_UP_CHARS = 12;
/** “那X呢？” with more content words than this is a new question that happens to end in 呢. */
const MAX_NE_CONTENT_WORDS = 3;

const TRAILING_PUNCTUATION = /[\s？?！!。.，,;；~～…]+$/;
const FOLLOW_UP_START = /^(那么|那|它们|它|其|这|该|此|还有|另外)/;
/** Openers that only link to the previous question; the rewrite drops them. */
const CONNECTIVE = /^(那么|那|另外|此外|然后)[,，\s]*/;
/** “那X呢” / “X呢”, X possibly empty (“还有呢”, “另外呢”). */
const ABOUT_OTHER = /^(.*?)\s*呢$/;
/**
 * Pronouns and determiners that point back, with the words that merely start like them excluded
 * (其他, 其中, 这里, 这样, 该如何, 此外…).
 */
const REFERENCE = /^(它们|它|其中|其(?![他它中余实次])|这些|那些|这个|那个|这项|这种|这类|这一|这(?![里样么儿边时])|该项|该(?![怎如不是当有])|此项|此(?![外后前时]))/;
const PLURAL_REFERENCE = /^(它们|这些|那些|这类|其中)$/;
const PRONOUN = /^(它们|它|其|其中)$/;
/** “这是为什么？”: a bare 这/此 points at the whole previous question, not at a thing in it. */
const WHOLE_QUESTION_REFERENCE = /^(这|此)$/;

/** Words naming the whole country as the scope of a question: a place named in a follow-up takes their place. */
const NATIONAL_SCOPE = /^(国家|全国|我国|中国|中央)$/;

/** “那时候”, “当时”: the time of the previous question. */
const TIME_REFERENCE = /那时候|那个时候|那时|当时|那一年|那年/;
/** A year as questions name it (“1950年前后”). */
const YEAR_PHRASE = /\d{4}\s*年(?:前后|左右|底|末|初|以前|以后|之前|之后)?/;

/** Times that a follow-up can swap (“那2030年呢？”): a year, or a five-year period such as “十五五”. */
const TIME_KINDS = [
  { core: /(?<!\d)\d{4}(?!\d)/, filler: /^[\s年底末初前后的到在至]*$/ },
  { core: /[一二三四五六七八九十]{2,3}五/, filler: /^[\s“”"'‘’时期间末的到在至]*$/ },
];

function splitEnding(text: string): { body: string; ending: string } {
  const body = text.replace(TRAILING_PUNCTUATION, '');
  const ending = text.slice(body.length).trim();
  return { body, ending: /[？?]/.test(ending) ? ending : '？' };
}

interface Reference {
  start: number;
  end: number;
  word: string;
}

/** A pronoun with nothing nominal before it: “它的目标”, “请问这些节点”; not “数据中心如何提高其能效”. */
function findReference(text: string): Reference | undefined {
  const leading = REFERENCE.exec(text);
  if (leading) return { start: 0, end: leading[0].length, word: leading[0] };
  for (const word of tagWords(text)) {
    if (isNominal(word)) return undefined;
    const match = REFERENCE.exec(text.slice(word.start));
    if (match && word.tag.startsWith('r')) return { start: word.start, end: word.start + match[0].length, word: match[0] };
  }
  return undefined;
}

function contentWordCount(text: string): number {
  return tagWords(text).filter(isNominal).length;
}

/** Whether `question` leans on an earlier question to be understood. */
export function isFollowUp(question: string): boolean {
  const { body } = splitEnding(question.trim());
  if (body === '') return false;
  if (TIME_REFERENCE.test(body)) return true;
  if (FOLLOW_UP_START.test(body) && [...body].length <= SHORT_FOLLOW_UP_CHARS) return true;
  const about = ABOUT_OTHER.exec(body.replace(CONNECTIVE, ''));
  if (about && contentWordCount(about[1] ?? '') <= MAX_NE_CONTENT_WORDS) return true;
  return findReference(body.replace(CONNECTIVE, '')) !== undefined;
}

function replaceSpan(text: string, start: number, end: number, by: string): string {
  return text.slice(0, start) + by + text.slice(end);
}

/** The opening time phrase of the previous question (“到2025年”), carried over when the follow-up names none. */
function leadingTime(parts: QuestionParts, followUp: string): string {
  if (TIME_KINDS.some((kind) => kind.core.test(followUp))) return '';
  const first = parts.phrases[0];
  const subjectStart = parts.subject?.start ?? first?.start ?? 0;
  const opening = parts.text.slice(0, subjectStart);
  return TIME_KINDS.some((kind) => kind.core.test(opening)) ? opening : '';
}

/** What “它” stands for; plural references name the things asked about, with their owner (“X的Y”). */
function referent(parts: QuestionParts, plural: boolean): string | undefined {
  const { subject, asked } = parts;
  if (!plural || !asked) return (subject ?? asked)?.text;
  if (!subject || subject.text.includes(asked.text) || asked.text.includes(subject.text)) return asked.text;
  return `${subject.text}的${asked.text}`;
}

/** Replaces the pronoun (or “这些X”) with what it refers to in the previous question. */
function resolveReference(text: string, reference: Reference, previous: QuestionParts): string | undefined {
  const after = text.slice(reference.end);
  const afterWords = tagWords(after);
  const leadingSpace = after.length - after.trimStart().length;
  const noun: Phrase | undefined = afterWords.length > 0 ? nounPhraseAt(after, leadingSpace) : undefined;
  const time = reference.start === 0 ? leadingTime(previous, text) : '';

  const named = PRONOUN.test(reference.word) ? undefined : nameEndingAt(after.trimStart(), splitEnding(previous.text).body, previous.phrases.map((p) => p.text));
  if (named) return time + replaceSpan(text, reference.start, reference.end + leadingSpace + named.covers, named.text);
  if (noun && !PRONOUN.test(reference.word)) {
    // “这些枢纽节点” → the previous question's phrase holding “枢纽节点”.
    const match = previous.phrases.find((p) => p.text.includes(noun.text));
    if (match) return time + replaceSpan(text, reference.start, reference.end + noun.end, match.text);
    const owner = previous.subject?.text;
    if (!owner) return undefined;
    return time + replaceSpan(text, reference.start, reference.end, `${owner}的`);
  }
  if (WHOLE_QUESTION_REFERENCE.test(reference.word)) return `${splitEnding(previous.text).body}，${text}`;
  const what = referent(previous, PLURAL_REFERENCE.test(reference.word));
  if (!what) return undefined;
  // “其目标” reads “它的目标”; “其中” is “among them”.
  const joiner = reference.word === '其中' ? '中' : reference.word === '其' && noun ? '的' : '';
  return time + replaceSpan(text, reference.start, reference.end, what + joiner);
}

/** The noun phrase starting at `offset` of `text`, if one does. */
function nounPhraseAt(text: string, offset: number): Phrase | undefined {
  return questionParts(text).phrases.find((p) => p.start === offset);
}

/** “那X呢？”: X takes the place of its counterpart in the previous question, or narrows it. */
function aboutOther(other: string, previous: QuestionParts, followUp: string): string | undefined {
  const { body, ending } = splitEnding(previous.text);
  const withEnding = (text: string) => `${text}${ending}`;
  for (const kind of TIME_KINDS) {
    const core = kind.core.exec(other);
    if (!core || !kind.filler.test(other.replace(kind.core, ''))) continue;
    const counterpart = kind.core.exec(body);
    // A new setting for the same question: “到2025年…” + “那2030年呢？” → “到2030年…”.
    return withEnding(counterpart ? replaceSpan(body, counterpart.index, counterpart.index + counterpart[0].length, core[0]) : `${other}${body}`);
  }
  // “3号楼呢？”, “周末呢？”: X takes the place of the span of the same kind.
  const bare = other.replace(/的$/, '');
  // Times (周末, 上午) name something to swap too.
  const named = tagWords(other).some((w) => isNominal(w) || (w.tag.startsWith('t') && /\p{L}/u.test(w.word)));
  const sibling = sameUnit(bare, body) ?? (named ? sameEnding(bare, body) : undefined);
  if (sibling) return withEnding(replaceSpan(body, sibling.start, sibling.end, bare));
  // Nothing named (“还有呢？”, “为什么呢？”): the follow-up is asked of the whole previous question.
  if (!named) return `${body}，${followUp}`;

  const parts = questionParts(other);
  const phrase = parts.phrases[0];
  const single = parts.phrases.length === 1 && phrase?.start === 0 && phrase.end === other.length;
  // Something that is not one noun (“人才引进和培养方面呢？”) is asked of the previous subject.
  if (!phrase || !single || !/^[\s\p{L}\p{N}]+$/u.test(other)) return previous.subject ? `${previous.subject.text}${other}呢${ending}` : undefined;

  const kind = nameKind(parts.words, phrase);
  if (kind) {
    const counterpart = firstName(previous, kind) ?? (kind === 'place' ? nationalScope(previous) : undefined);
    if (counterpart) return withEnding(replaceSpan(body, counterpart.start, counterpart.end, other));
    // A place with no place to swap narrows the question: “那贵州呢？” → “贵州<subject>…”.
    const at = previous.subject?.start ?? leadingTime(previous, '').length;
    return withEnding(replaceSpan(body, at, at, other));
  }
  const subject = previous.subject;
  return subject ? withEnding(replaceSpan(body, subject.start, subject.end, other)) : `${body}，${followUp}`;
}

/** Where a question's asking part starts (“…是什么意思”, “…有哪些”, “…多少”). */
const ASKING_PART = /是什么|是多少|是哪|有哪些|有什么|有多少|什么|哪些|哪里|哪个|多少|怎么|如何|为什么/;

/** What a question is about, without what it asks (“屏幕上出现F3是什么意思” → “屏幕上出现F3”). */
function topicOf(body: string): string {
  const asking = ASKING_PART.exec(body);
  return asking && asking.index >= 2 ? body.slice(0, asking.index) : body;
}

/** A word naming the whole country that opens the question (“国家规划了…”), which a place can narrow. */
function nationalScope(parts: QuestionParts): TaggedWord | undefined {
  const first = parts.words.find((w) => /[\p{L}\p{N}]/u.test(w.word));
  return first && NATIONAL_SCOPE.test(first.word) ? first : undefined;
}

/** A follow-up without a pronoun (“还有什么要求？”, “目标是多少？”) gets the previous subject in front. */
function withSubject(text: string, ending: string, previous: QuestionParts): string | undefined {
  const subject = previous.subject;
  const parts = questionParts(text);
  // Nothing named (“该怎么办？”): asked about what the previous question was about.
  if (!subject || !parts.words.some(isNominal)) return `${topicOf(splitEnding(previous.text).body)}，${text}${ending}`;
  const first = parts.words.find((w) => /[\p{L}\p{N}]/u.test(w.word));
  if (!first) return undefined;
  const opening = parts.phrases[0]?.first === parts.words.indexOf(first) ? parts.phrases[0] : undefined;
  // It names its own subject (a place, or the previous subject itself): standalone already.
  if (opening && (nameKind(parts.words, opening) || opening.text.includes(subject.text))) return undefined;
  const joiner = opening ? '的' : '';
  return `${leadingTime(previous, text)}${subject.text}${joiner}${text}${ending}`;
}

/** `question` made standalone using `previous` (itself standalone); unchanged when it is not a follow-up. */
export function rewriteFollowUp(question: string, previous: string): string {
  const trimmed = question.trim();
  const prior = previous.trim();
  if (prior === '' || !isFollowUp(trimmed)) return question;
  const parts = questionParts(prior);
  const { body, ending } = splitEnding(trimmed);
  // “那时候为什么会下降？”: asked of the whole previous question, at its time.
  const year = YEAR_PHRASE.exec(prior)?.[0];
  if (year && TIME_REFERENCE.test(body)) return `${splitEnding(prior).body}，${body.replace(TIME_REFERENCE, year)}${ending}`;
  const rest = body.replace(CONNECTIVE, '') || body;

  const about = ABOUT_OTHER.exec(rest);
  if (about) {
    const other = (about[1] ?? '').trim();
    const reference = findReference(other);
    if (reference) return `${resolveReference(other, reference, parts) ?? other}呢${ending}`;
    return aboutOther(other, parts, `${body}${ending}`) ?? question;
  }
  const reference = findReference(rest);
  if (reference) {
    const resolved = resolveReference(rest, reference, parts);
    return resolved === undefined ? question : `${resolved}${ending}`;
  }
  return withSubject(rest, ending, parts) ?? question;
}

/**
 * Resolves the conversation from its oldest recent question on, so that a chain of follow-ups
 * (“…到2025年…？” → “那贵州呢？” → “那2030年呢？”) keeps everything still in force.
 */
export function standaloneQuestion(question: string, history: readonly ChatTurn[]): string {
  const earlier = history.filter((turn) => turn.role === 'user').slice(-RULE_REWRITE_MAX_TURNS);
  let previous = '';
  for (const turn of earlier) previous = previous === '' ? turn.content.trim() : rewriteFollowUp(turn.content.trim(), previous);
  return previous === '' ? question : rewriteFollowUp(question, previous);
}

/** The rule-based QuestionRewriter. */
export const ruleRewriter: QuestionRewriter = async (question, history) => standaloneQuestion(question, history);
