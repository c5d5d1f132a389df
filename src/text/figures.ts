/** Figures written with digits, as a question states them and a passage must state them to be about the same thing. */

const DIGIT_RUN = /\d+/g;
const DIGIT = /\d/;

/** The digit runs of `text` (2035年底 → 2035; 3.5 → 3, 5). */
export function digitRuns(text: string): string[] {
  return text.match(DIGIT_RUN) ?? [];
}

/** Whether `text` states the figure `digits` on its own: 2025 in 到2025年, not inside 20250 or 12025. */
export function statesFigure(text: string, digits: string): boolean {
  for (let at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, at + 1)) {
    if (!DIGIT.test(text[at - 1] ?? '') && !DIGIT.test(text[at + digits.length] ?? '')) return true;
  }
  return false;
}

/** 90周岁至99周岁, 3-5年, 10～20人: two figures joined as a range, with a short unit between them. */
const RANGE = /(\d+)[^\d，。；,;、\n]{0,3}?(?:至|到|-|—|~|～)(\d+)/g;

/** Whether `text` states a range that holds `value` (92 within 90周岁至99周岁): a figure asked inside it is stated. */
export function statesRangeHolding(text: string, value: number): boolean {
  for (const [, from, to] of text.matchAll(RANGE)) if (Number(from) <= value && value <= Number(to)) return true;
  return false;
}
