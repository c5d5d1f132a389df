const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Overlapping character bigrams of each CJK run. They catch names and terms the segmenter cuts
 * differently in a question and in a passage (史继偕著 / 史继偕 著有).
 */
export function cjkBigrams(normalisedText: string): string[] {
  const out: string[] = [];
  let previous = '';
  for (const char of normalisedText) {
    if (CJK.test(char)) {
      if (previous) out.push(previous + char);
      previous = char;
    } else previous = '';
  }
  return out;
}
