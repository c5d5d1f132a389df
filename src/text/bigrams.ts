const isCjk = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

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
