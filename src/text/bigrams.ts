const isCjk = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

/** Bigram terms are marked so they never merge with a two-character word's statistics. */
export const BIGRAM_MARK = '\u00b7';

/**
 * Overlapping character bigrams of each CJK run. They catch names and terms the segmenter cuts
 * differently in a question and in a passage (史继偕著 / 史继偕 著有).
 */
export function cjkBigrams(normalisedText: string): string[] {
  const out: string[] = [];
  // These ranges are all in the Basic Multilingual Plane, so UTF-16 code units are characters here.
  let previous = -1;
  for (let i = 0; i < normalisedText.length; i++) {
    if (isCjk(normalisedText.charCodeAt(i))) {
      if (previous >= 0) out.push(normalisedText.slice(previous, i + 1));
      previous = i;
    } else previous = -1;
  }
  return out;
}

export const bigramTerm = (bigram: string) => BIGRAM_MARK + bigram;

export const isBigramTerm = (term: string) => term.startsWith(BIGRAM_MARK);

// CJK characters numbered densely, so that a bigram is one small integer (below 2^30, a V8 small integer):
// counting millions of them at ingest costs no string and no string hash.
const MAIN_BLOCK = 0x9fff - 0x3400 + 1;
const CJK_COUNT = MAIN_BLOCK + (0xfaff - 0xf900 + 1);
const cjkNumber = (code: number) => (code <= 0x9fff ? code - 0x3400 : MAIN_BLOCK + code - 0xf900);
const cjkCode = (n: number) => (n < MAIN_BLOCK ? 0x3400 + n : 0xf900 + n - MAIN_BLOCK);

/** The bigrams of {@link cjkBigrams} as integer keys, in the same order. */
export function cjkBigramKeys(normalisedText: string): Int32Array {
  const keys = new Int32Array(Math.max(0, normalisedText.length - 1));
  let count = 0;
  let previous = -1;
  for (let i = 0; i < normalisedText.length; i++) {
    const code = normalisedText.charCodeAt(i);
    if (isCjk(code)) {
      const n = cjkNumber(code);
      if (previous >= 0) keys[count++] = previous * CJK_COUNT + n;
      previous = n;
    } else previous = -1;
  }
  return keys.subarray(0, count);
}

/** The marked bigram term of a key from {@link cjkBigramKeys}. */
export function bigramTermOfKey(key: number): string {
  return bigramTerm(String.fromCharCode(bigramFirstCode(key), bigramSecondCode(key)));
}

/** The UTF-16 code units of a bigram key's two characters. */
export const bigramFirstCode = (key: number) => cjkCode(Math.floor(key / CJK_COUNT));
export const bigramSecondCode = (key: number) => cjkCode(key % CJK_COUNT);

/** The key of a marked bigram term, or undefined for any other term. */
export function bigramKeyOfTerm(term: string): number | undefined {
  if (term.length !== 3 || !isBigramTerm(term)) return undefined;
  const first = term.charCodeAt(1);
  const second = term.charCodeAt(2);
  return isCjk(first) && isCjk(second) ? cjkNumber(first) * CJK_COUNT + cjkNumber(second) : undefined;
}
