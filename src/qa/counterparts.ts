/**
 * Where a “那X呢？” follow-up's X goes in the previous question when X is not a name: in place of its counterpart,
 * the span of the same kind — the same number unit (“3号楼” for “1号楼”, “70岁以上” for “60到69岁”), or a quoted
 * name or word with the same last character (“周末” for “月末”, “…示范区” for “…试验区”).
 */
import { tagWords } from './question-phrases.ts';

export interface Span {
  start: number;
  end: number;
}

/** A number (or range) with its unit: units say what kind of thing is counted. */
const NUMBER_WITH_UNIT = /\d+(?:\.\d+)?(?:\s*(?:到|至|-|~|～)\s*\d+(?:\.\d+)?)?\s*(周岁|岁|号|元|万元|亿元|个|次|级|层|天|小时|分钟|年|月|日|%|％)/;
const QUOTED = /[“"「『]([^”"」』]{2,30})[”"」』]/g;
const CJK = /\p{Script=Han}/u;

/** The span of `body` counting the same unit as `other` does, or undefined. */
export function sameUnit(other: string, body: string): Span | undefined {
  const own = NUMBER_WITH_UNIT.exec(other);
  if (!own) return undefined;
  const unit = own[1];
  for (const match of body.matchAll(new RegExp(NUMBER_WITH_UNIT.source, 'g'))) {
    if (match[1] === unit) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** A quoted name, else a word, of `body` ending in the same character as `other` (itself quoted or not). */
export function sameEnding(other: string, body: string): Span | undefined {
  const bare = other.replace(/^[“"「『]|[”"」』]$/g, '');
  const last = [...bare].at(-1) ?? '';
  if ([...bare].length < 2 || !CJK.test(last)) return undefined;
  for (const match of body.matchAll(QUOTED)) {
    if (match[1]!.endsWith(last) && match[1] !== bare) return { start: match.index, end: match.index + match[0].length };
  }
  const word = tagWords(body).find((w) => [...w.word].length >= 2 && w.word.endsWith(last) && w.word !== bare && !bare.includes(w.word));
  return word && { start: word.start, end: word.end };
}

/**
 * What “该/这” + `after` points at when `after` starts with the end of a name in `body`: “该试验区…” after
 * “‘滨江科技创新试验区’…” is that quoted name. Returns the name and how many characters of `after` it covers.
 */
export function nameEndingAt(after: string, body: string, phrases: readonly string[]): { text: string; covers: number } | undefined {
  const chars = [...after];
  const names = [...[...body.matchAll(QUOTED)].map((m) => ({ text: m[0], inner: m[1]! })), ...phrases.map((p) => ({ text: p, inner: p }))];
  for (let length = Math.min(chars.length, 8); length >= 2; length--) {
    const prefix = chars.slice(0, length).join('');
    const name = names.find((n) => n.inner.endsWith(prefix) && n.inner !== prefix);
    if (name) return { text: name.text, covers: prefix.length };
  }
  return undefined;
}
