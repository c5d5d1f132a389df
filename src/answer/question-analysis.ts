import { normaliseForMatch } from '../text/normalise.ts';

/** The kind of answer a question asks for, read from its question words. */
export type AnswerType = 'time' | 'number' | 'place' | 'person' | 'list' | 'definition' | 'reason' | 'other';

/** Order matters: "哪一年" is a time before it is a "哪" list; "多少" a number before anything else. */
const TYPE_PATTERNS: [AnswerType, RegExp][] = [
  ['time', /何时|什么时候|什么时间|哪一?年|哪个?月|哪一?天|几月|几号|几日|哪个时期|日期|\bwhen\b|what year|which year/],
  ['number', /多少|(?<!哪)几[个家项座条名位次岁倍种类所只批]|几十|几百|几千|几万|比重|占比|比例|百分之|规模[有达]?多大|how many|how much|what percent/],
  ['place', /哪里|哪儿|何地|何处|什么地方|哪些地方|哪个地方|哪些地区|哪个地区|哪个城市|哪些城市|哪个省|哪些省|位于|在哪(?![些几两二三四五六七八九十\d])|\bwhere\b/],
  ['person', /谁|哪位|哪些人|什么人|\bwho\b/],
  ['reason', /为什么|为何|原因|何故|\bwhy\b/],
  // "三项举措是什么": a counted plural asked with 是什么 wants its items, not a definition.
  ['list', /[两二三四五六七八九十\d]+[个项条种类点方面大][\u4e00-\u9fff]{0,6}?(?:是什么|分别是|指什么)|哪些|哪几|哪[两二三四五六七八九十\d]+[个项条种类点方面大]|有什么|包括什么|包含什么|几方面|几大|what kinds|which/],
  ['definition', /是什么|什么是|指什么|何谓|含义|定义|什么意思|what is|what are/],
];

export function answerTypeOf(question: string): AnswerType {
  const q = normaliseForMatch(question);
  return TYPE_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0] ?? 'other';
}

/** Whether a span holds the kind of thing the answer type wants (a year for "哪一年", a figure for "多少"). */
const ENTITY_PATTERNS: Partial<Record<AnswerType, RegExp>> = {
  time: /\d{2,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|[一二三四五六七八九十〇零]{2,4}年|世纪|年代|时期|朝|之后|之前|以来|期间/,
  number: /\d|[一二三四五六七八九十两百千万亿]+\s*[个家项座条名位次倍种类所只批成%％]|百分之|[一二三四五六七八九十两几]+[十百千万亿]/,
  place: /[省市县区州镇乡村岛洲国]|[东南西北]部|地区|城市|节点|流域|沿海|内陆|山|河|湖|海/,
  definition: /是|即|指|称为|简称|[(（]/,
  person: /[先女]生|总书记|主席|书记|教授|博士|作者|创始人|[\u4e00-\u9fff]{2,3}(?:等人|提出|认为|发明|创立)/,
};

export function hasEntityOf(type: AnswerType, normalisedText: string): boolean {
  const pattern = ENTITY_PATTERNS[type];
  return pattern ? pattern.test(normalisedText) : true;
}

/** Types whose answer must contain a concrete value: without one, a passage does not answer. */
export function requiresEntity(type: AnswerType): boolean {
  return type === 'time' || type === 'number';
}

export function isLatinScript(question: string): boolean {
  return !/[\u3400-\u9fff]/.test(question) && /[a-z]/i.test(question);
}
