/** Sentence spans: split after 。！？； (and ASCII !?;) with any closing quotes/brackets, and at line breaks. */

export type Span = { start: number; end: number };

/** `.` is deliberately absent: in Chinese text it marks decimals (3.5) and list numbers (1.), not sentence ends. */
const TERMINATORS = new Set([0x3002, 0xff61, 0xff01, 0xff1f, 0xff1b, 0x21, 0x3f, 0x3b]); // 。｡！？；!?;
const CLOSERS = new Set([
  0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x3011, 0x300b, 0x3009, 0x22, 0x27, 0xff3d, 0x5d, 0x3015, 0xff63, 0x3017,
]); // ” ’ 」 』 ） ) 】 》 〉 " ' ］ ] 〕 ｣ 〗

export function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The characters JavaScript's `\s` matches. */
export function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Spans index `text`; each is trimmed of surrounding whitespace and non-empty. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) {
      pushTrimmed(text, start, i, spans);
      start = i + 1;
    } else if (TERMINATORS.has(code)) {
      let end = i + 1;
      while (end < n && (TERMINATORS.has(text.charCodeAt(end)) || CLOSERS.has(text.charCodeAt(end)))) end++;
      pushTrimmed(text, start, end, spans);
      start = end;
      i = end - 1;
    }
  }
  pushTrimmed(text, start, n, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
}
