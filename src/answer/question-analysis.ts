import { HOW_FIGURE, HOW_TIME } from '../text/lexicon.ts';
import { normaliseForMatch } from '../text/normalise.ts';

/** The kind of answer a question asks for, read from its interrogative (a closed class of the language). */
export type AnswerType = 'time' | 'number' | 'place' | 'person' | 'list' | 'definition' | 'reason' | 'other';

/** Order matters: "哪一年" is a time before it is a "哪" list; "多少" a number before anything else. */
const TYPE_PATTERNS: [AnswerType, RegExp][] = [
  ['time', /何时|什么时候|什么时间|哪一?年|哪个?月|哪一?天|几月|几号|几日|几点|哪个时期|哪个朝代|多久|多长时间|\bwhen\b|what year|which year/],
  ['number', /多少|(?<!哪)几(?![月号日点])|多大|多高|多长|多重|多远|多快|多宽|多深|多厚|what percent/],
  ['place', /哪里|哪儿|何地|何处|什么地方|哪个地方|哪些地方|哪[个些]?(?:地区|城市|省|国家)|在哪(?![些几两二三四五六七八九十\d])|\bwhere\b/],
  ['person', /谁|哪位|哪些人|什么人|哪[个家些]?(?:单位|机构|部门|公司|组织)|什么(?:单位|机构|部门|公司|组织)|\bwho\b|which (?:company|organi[sz]ation|department)/],
  ['reason', /为什么|为何|为啥|何故|什么原因|\bwhy\b/],
  // "三项举措是什么": a counted plural asked with 是什么 wants its items, not a definition.
  ['list', /[两二三四五六七八九十\d]+[个项条种类点方面大][\u4e00-\u9fff]{0,6}?(?:是什么|分别是|指什么)|哪些|哪几|有啥|哪[两二三四五六七八九十\d]+[个项条种类点方面大]|有什么|包括什么|包含什么|what kinds|which/],
  ['definition', /是什么|什么是|指什么|何谓|什么意思|是啥|啥是|啥意思|what is|what are/],
];

/** English "how" phrases, read before the patterns above: how long asks a time, how deep a figure. */
const PATTERNS: [AnswerType, RegExp][] = [
  ['time', new RegExp(`\\bhow (?:${HOW_TIME})\\b`)],
  ['number', new RegExp(`\\bhow (?:${HOW_FIGURE})\\b`)],
  ...TYPE_PATTERNS,
];

export function answerTypeOf(question: string): AnswerType {
  const q = normaliseForMatch(question);
  return PATTERNS.find(([, pattern]) => pattern.test(q))?.[0] ?? 'other';
}

/** Kinds whose answer is a short phrase (a value or a name) worth returning on its own. */
export function wantsPhrase(type: AnswerType): boolean {
  return type === 'time' || type === 'number' || type === 'place' || type === 'person';
}

/** A plural interrogative (哪些地区, 哪几位): the answer is several values, not one phrase. */
export function asksForSeveral(question: string): boolean {
  return /哪些|哪几|有哪|which ones|what are the/.test(normaliseForMatch(question));
}

export function isLatinScript(question: string): boolean {
  return !/[\u3400-\u9fff]/.test(question) && /[a-z]/i.test(question);
}
