/** Text folding for matching only (never for storage): width, case, script and spacing. */
import { toSimplified } from './chinese-script.ts';

export { toTraditional } from './chinese-script.ts';

/** NFKC (full/half width), lower case, whitespace dropped next to CJK and collapsed elsewhere, traditional → simplified. */
export function normaliseForMatch(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  return toSimplified(foldSpaces(folded));
}

const WHITESPACE_RUN = /\s+/g;

/** Keeps one space only between two non-CJK characters (Latin words, numbers); drops it at the edges and next to CJK. */
function foldSpaces(text: string): string {
  return text.replace(WHITESPACE_RUN, (run: string, offset: number) => {
    if (offset === 0 || offset + run.length === text.length) return '';
    const before = text.charCodeAt(offset - 1);
    const after = text.charCodeAt(offset + run.length);
    return isWide(before) || isWide(after) ? '' : ' ';
  });
}

/** CJK ideographs, radicals, CJK punctuation, kana, full-width forms, and astral characters (mostly rare CJK). */
function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}
