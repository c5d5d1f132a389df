/**
 * Spans of a text that can be the answer to a question of a given kind: numbers and amounts, dates and
 * times, places, people and organisations. Numerals, measure words and time words are closed classes of
 * the language; places, people and organisations come from jieba's part-of-speech tags.
 */
import type { AnswerType } from './question-analysis.ts';

export interface TaggedWord {
  word: string;
  tag: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

const NUMERAL = '零〇一二三四五六七八九十百千万亿两';
const MEASURE = '个家项座条名位次岁倍种类所只批件台辆架艘本篇部首场届期层级周天年月日小时分钟秒元角分美元欧元英镑港元亿万千百米公里千米厘米毫米平方米平方公里公顷亩吨千克公斤克斤升毫升瓦千瓦兆瓦度人户口所余多';
/** Digits after a Latin letter are part of a code (E3, QM-R600), not a number. */
const NUMBER = new RegExp(
  `(?:约|近|逾|超过|达|共|第)?(?:(?<![A-Za-z\\d.])\\d[\\d,.]*(?:\\s*[${NUMERAL}]+)?|[${NUMERAL}]{2,}|[${NUMERAL}](?=[${MEASURE}]))(?:\\s*(?:%|‰|[${MEASURE}]{1,3}|[a-z]{1,4}\\b))?`,
  'g',
);
const DATE = new RegExp(
  `(?:公元前?)?(?:\\d{1,4}|[${NUMERAL}]{2,4})\\s*年(?:\\s*(?:\\d{1,2}|[${NUMERAL}]{1,3})\\s*月(?:\\s*(?:\\d{1,2}|[${NUMERAL}]{1,3})\\s*[日号])?)?(?:初|底|末|中|前后|左右)?` +
    `|(?:\\d{1,2}|[${NUMERAL}]{1,3})\\s*月(?:\\s*(?:\\d{1,2}|[${NUMERAL}]{1,3})\\s*[日号])?` +
    `|\\d{1,2}[:：]\\d{2}|(?:\\d{1,2}|[${NUMERAL}]{1,3})[点时](?:\\d{1,2}分|半)?` +
    `|(?:\\d{1,2}|[${NUMERAL}]{1,3})\\s*(?:世纪|年代)(?:初|末|中叶|中期)?` +
    `|(?:当天|当日|当晚|次日|翌日|前一天|今天|昨天|明天|每天|每年|每月|每周|周末|清晨|凌晨|早上|上午|中午|下午|傍晚|晚上|夜间|深夜|春季|夏季|秋季|冬季|春天|夏天|秋天|冬天|星期[一二三四五六日天]|周[一二三四五六日])`,
  'g',
);
const PLACE_TAGS = new Set(['ns', 'nsf']);
const PERSON_TAGS = new Set(['nr', 'nrt', 'nrfg', 'nt', 'nz']);
/** jieba tags a name its dictionary lacks (张伟) as unknown: two to four ideographs in a row are then likely a name. */
const UNKNOWN_NAME = /^[\u4e00-\u9fff]{2,4}$/;
/** Place names jieba does not know still end in these (青石镇, 滨江新区): the closed class of place suffixes. */
const PLACE_SUFFIX = /^(?:省|市|县|区|州|镇|乡|村|岛|港|湾|山|河|湖|江|路|街|大道|广场|新区|开发区|园区|基地)$/;
const ENDS_IN_PLACE_SUFFIX = /[\u4e00-\u9fff](?:省|市|县|区|州|镇|乡|村|岛|港|湾|路|街|大道|广场|新区|开发区|园区)$/;
const NOMINAL = /^(?:n|ns|nz|nt|x)/;

/** Untagged place names: a noun followed by a place suffix (青石 + 镇), or a word ending in one (滨江新区). */
function suffixedPlaces(text: string, tagged: readonly TaggedWord[]): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  tagged.forEach(({ word, tag }, i) => {
    const at = text.indexOf(word, cursor);
    if (at === -1) return;
    cursor = at + word.length;
    const next = tagged[i + 1];
    if (next && NOMINAL.test(tag) && PLACE_SUFFIX.test(next.word) && text.startsWith(next.word, cursor)) spans.push({ start: at, end: cursor + next.word.length, text: word + next.word });
    else if (word.length >= 3 && ENDS_IN_PLACE_SUFFIX.test(word)) spans.push({ start: at, end: cursor, text: word });
  });
  return spans;
}

function matches(pattern: RegExp, text: string): Span[] {
  return [...text.matchAll(pattern)].filter((m) => m[0].trim()).map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** Word spans of the tagged text whose tag is in `tags`; the tags come from the same text, in order. */
function taggedSpans(text: string, tagged: readonly TaggedWord[], tags: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  for (const { word, tag } of tagged) {
    const at = text.indexOf(word, cursor);
    if (at === -1) continue;
    cursor = at + word.length;
    if ((tags.has(tag) || (tags === PERSON_TAGS && tag === 'x' && UNKNOWN_NAME.test(word))) && word.length >= 2) spans.push({ start: at, end: cursor, text: word });
  }
  return spans;
}

/** The dot that joins the parts of a transliterated name (约翰·罗杰斯), in its several encodings. */
const NAME_DOT = /^[·•・.]$/u;

/** Name spans with the parts of a transliterated name, which jieba tags apart, joined across its dot. */
function withNameParts(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && NAME_DOT.test(text.slice(last.end, span.start))) out[out.length - 1] = { start: last.start, end: span.end, text: text.slice(last.start, span.end) };
    else out.push(span);
  }
  return out;
}

/** Longer spans first, then left to right; overlapping shorter ones dropped (一九九八年 over 九九八). */
function dedupe(spans: Span[]): Span[] {
  const kept: Span[] = [];
  for (const s of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The spans of a (normalised) text that hold the kind of value the question asks for. `tagged` is the
 * text's part-of-speech tagging; it is needed for places and people only.
 */
export function answerSpans(type: AnswerType, text: string, tagged: () => readonly TaggedWord[]): Span[] {
  switch (type) {
    case 'time':
      return dedupe(matches(DATE, text));
    case 'number':
      return dedupe([...matches(NUMBER, text), ...matches(DATE, text).filter((s) => /\d/.test(s.text) && !/年$/.test(s.text))]);
    case 'place':
      return dedupe([...taggedSpans(text, tagged(), PLACE_TAGS), ...suffixedPlaces(text, tagged())]);
    case 'person':
      return dedupe(withNameParts(text, taggedSpans(text, tagged(), PERSON_TAGS)));
    default:
      return [];
  }
}

/** Markers of the answer shapes that are not values: lists, definitions and reasons. */
const SHAPE_MARKERS: Partial<Record<AnswerType, RegExp>> = {
  list: /、.*、|[一二三四五六七八九十]是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[,，、]|[(（][一二三四五六七八九十\d]+[)）]|[①-⑳]|：.+[，；]/,
  definition: /是指|指的是|即|称为|简称|也叫|又称|意思是|定义为|是一种|是一个|是[\u4e00-\u9fff]{0,12}的/,
  reason: /因为|由于|为了|以便|旨在|目的是|原因是|所以|因此|因而|从而|导致|使得/,
};

/** Whether a text holds the shape of answer the question wants (a value of its kind, a list, a definition, a reason). */
export function holdsAnswerShape(type: AnswerType, text: string, tagged: () => readonly TaggedWord[]): boolean {
  const marker = SHAPE_MARKERS[type];
  if (marker) return marker.test(text);
  return answerSpans(type, text, tagged).length > 0;
}
