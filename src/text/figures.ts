/** Figures written with digits, as a question states them and a passage must state them to be about the same thing. */

/**
 * A figure: digits with an optional decimal part (2035, 3.5), or a code, letters then digits (E3, PM2.5, QM-R600 → r600),
 * which names one model or fault among its like (R600 is not R800) as a figure names one year.
 */
const FIGURE = /(?<![a-z\d.])[a-z]*\d+(?:\.\d+)?/gi;
const DIGIT = /\d/;
const LETTER = /[a-z]/i;

/** The figures of `text` (2035年底 → 2035; 3.5万 → 3.5; 显示E3 → e3), codes in lower case. */
export function figuresIn(text: string): string[] {
  return (text.match(FIGURE) ?? []).map((f) => f.toLowerCase());
}

/** Whether a figure of `figuresIn` is a code (e3, r600) rather than a number. */
export function isCode(figure: string): boolean {
  return LETTER.test(figure);
}

/** Whether `text` has a digit, or a decimal point with a digit, next to position `at` on the side `step` (±1). */
function continuesFigure(text: string, at: number, step: 1 | -1): boolean {
  const next = text[at] ?? '';
  return DIGIT.test(next) || (next === '.' && DIGIT.test(text[at + step] ?? ''));
}

/** Whether `text` states the figure on its own: 2025 in 到2025年, not inside 20250, 12025, 2025.5 or a code (R2025); a code in either case. */
export function statesFigure(text: string, figure: string): boolean {
  if (!figure) return false;
  const code = isCode(figure);
  const [within, sought] = code ? [text.toLowerCase(), figure.toLowerCase()] : [text, figure];
  for (let at = within.indexOf(sought); at >= 0; at = within.indexOf(sought, at + 1)) {
    // Inside a longer code: b750 in ab750, 600 in R600.
    if (LETTER.test(within[at - 1] ?? '')) continue;
    if (!continuesFigure(within, at - 1, -1) && !continuesFigure(within, at + sought.length, 1)) return true;
  }
  return false;
}

/**
 * 90周岁至99周岁, 3-5年, 第3章到第5章, 2.5～3.5米: two figures of up to four digits joined as a range, with a
 * short unit around the joint; a unit before the joint must come again after the second figure (1日至2025年
 * is two dates, not a range). Not 截至, 直到 or 达到 (a point, not a range), nor a telephone number (0451-86608888).
 */
const RANGE = /(?<![\d.])(\d{1,4}(?:\.\d+)?)([^\d，。；,;、\n]{0,3}?)(?<![截直以达])(?:至|到|-|—|~|～)[^\d，。；,;、\n]{0,2}?(\d{1,4}(?:\.\d+)?)(?![\d.])(?=([^\d，。；,;、\n]{0,3}))/g;

/** Whether `text` states a range that holds `value` (92 within 90周岁至99周岁): a figure asked inside it is stated. */
export function statesRangeHolding(text: string, value: number): boolean {
  for (const [, from, unit, to, after] of text.matchAll(RANGE)) {
    if ((!unit || after!.startsWith(unit)) && Number(from) <= value && value <= Number(to)) return true;
  }
  return false;
}

/** Whether `text` states the figure, on its own or as inside one of its ranges. */
export function statesFigureOrRange(text: string, figure: string): boolean {
  return statesFigure(text, figure) || statesRangeHolding(text, Number(figure));
}
