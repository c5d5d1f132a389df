/**
 * The measure word an interrogative binds (多少天, 几家, 哪一年, 第几名, 多少钱): an answer states a figure
 * in that unit, so a sentence with figures in other units (9楼, 46人 for 哪年) does not answer it. Numerals,
 * interrogatives and measure words are closed classes of the language.
 */
const NUMERAL = '\\d零〇一二三四五六七八九十百千万亿两';
const UNITS = '个家项条种类名位次天年月日号周岁层元米人户倍座所只件台辆本篇部场届期级度分秒张份间床';
/** 多少钱 asks for an amount of money: the currency units a figure of money ends in. */
const MONEY = '元';
/** 哪 asks "which" (哪个市): only with a unit of time (哪一年, 哪个月) does it ask a figure. */
const ASKED = new RegExp(`(?:多少|几)\\s*(钱|小时|分钟|公里|千米|平方米|[${UNITS}])|哪一?(年|天|日)|哪个(月)|第几`);
/** Units also written another way: a count of days is 天 or 日 (5个工作日). */
const SAME_UNIT: Record<string, string> = { 天: '[天日]', 日: '[天日]' };

export type AskedUnit = { kind: 'unit'; unit: string } | { kind: 'ordinal' };

/** The unit a (normalised) question asks its figure in, or null when it asks none. */
export function askedUnit(question: string): AskedUnit | null {
  const m = ASKED.exec(question);
  if (!m) return null;
  const unit = m[1] ?? m[2] ?? m[3];
  if (!unit) return { kind: 'ordinal' };
  return { kind: 'unit', unit: unit === '钱' ? MONEY : unit };
}

/** Figures of a text in the asked unit (万元 and 亿元 are 元 too), other than those the question states. */
export function unitFigures(asked: AskedUnit, text: string, question: string): string[] {
  const pattern =
    asked.kind === 'ordinal'
      ? new RegExp(`第[${NUMERAL}]+`, 'g')
      : new RegExp(`[${NUMERAL}][${NUMERAL}.,，]*\\s*(?:多|余|左右)?\\s*[万亿千百]?(?:美|港|欧|个(?:工作|自然)?)?${SAME_UNIT[asked.unit] ?? asked.unit}`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[0]).filter((figure) => !question.includes(figure));
}
