/** Heading lines of plain text and Markdown, nested by a style stack, and the heading path at any offset. */
import type { HeadingMark } from '../types.ts';
import { isSpace } from './sentences.ts';

/** Which heading rules cut the sections; an index built under other rules is rebuilt. */
export const HEADING_RULES = 3;

/** A numbered heading is a short line; a longer one is a list item or paragraph of body text. */
const MAX_NUMBERED_CHARS = 60;
/** ★-style lines often carry a full title with a date in brackets, so they may be a little longer. */
const MAX_BULLET_CHARS = 100;

const CN_DIGITS = '一二三四五六七八九十百零〇两';
const NUMBERED_STYLES: readonly { style: string; pattern: RegExp }[] = [
  { style: '一、', pattern: new RegExp(`^([${CN_DIGITS}]+)、`) },
  { style: '(一)', pattern: new RegExp(`^[(（]([${CN_DIGITS}]+)[)）]`) },
  { style: '1.', pattern: /^([0-9０-９]{1,3})[.、．](?![0-9０-９])/ },
  { style: '(1)', pattern: /^[(（]([0-9０-９]{1,3})[)）]/ },
  { style: '第一,', pattern: new RegExp(`^第([${CN_DIGITS}]+)[,，、]`) },
  { style: '第一章', pattern: new RegExp(`^第([${CN_DIGITS}0-9]+)章`) },
  { style: '第一节', pattern: new RegExp(`^第([${CN_DIGITS}0-9]+)节`) },
  { style: '第一条', pattern: new RegExp(`^第([${CN_DIGITS}0-9]+)条`) },
];
const BULLETS = new Set(['★', '☆', '■', '●', '◆']);
const MARKDOWN_HEADING = /^(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^(```|~~~)/;
/** A numbered line ending like a sentence is an item of a list (1. 身份证原件；), not a title. */
const ITEM_END = /[。；;！？!?]$/;
/** Markdown's ordered-list syntax: a list item, whatever it holds (Markdown titles use #). */
const MARKDOWN_ORDERED_ITEM = /^[0-9]{1,3}[.)]\s/;
/** A sentence terminator followed by more text: the line is a paragraph, not a title. */
const CONTINUED_SENTENCE = /[。！？；!?;][”’」』）)】》"']*[^\s”’」』）)】》"'。！？；!?;]/;
/** Titles do not end in a comma or enumeration comma; such a line continues on the next one. */
const TRAILING_COMMA = /[,，、]$/;

/** The opening of an enumerated item (一是 / 第一, / (1) / 1.): the lines it follows may be the list's title. */
const LIST_ITEM_OPENING = new RegExp(`^(?:[${CN_DIGITS}]+是|其[${CN_DIGITS}]+|第[${CN_DIGITS}]+[,，、]|[(（](?:[${CN_DIGITS}]+|[0-9０-９]{1,3})[)）]|[0-9０-９]{1,3}[.、．](?![0-9０-９]))`);
/** A line ending like this is a sentence (or leads into one), not a title. */
const SENTENCE_END = /[。！？!?；;：:…]$/;

type LineStyle = { style: string; ordinal: number | null; markdownLevel?: number };
type StackEntry = { style: string; level: number; markdown: boolean };

export function detectHeadings(text: string, format: 'txt' | 'md'): HeadingMark[] {
  const headings: HeadingMark[] = [];
  const stack: StackEntry[] = [];
  let inFence = false;
  const lines: [start: number, end: number][] = [];
  forEachTrimmedLine(text, (start, end) => lines.push([start, end]));
  lines.forEach(([start, end], i) => {
    const line = text.slice(start, end);
    if (format === 'md' && FENCE.test(line)) inFence = !inFence;
    if (inFence) return;
    const next = lines[i + 1];
    const found = classifyLine(line, format, next && text.slice(next[0], next[1]));
    if (!found) return;
    const level = place(stack, found);
    const title = found.markdownLevel ? stripMarkdownMarks(line) : line;
    headings.push({ start, end, level, title });
  });
  return headings;
}

/** Puts the heading into the style stack and returns its level (its depth in the stack). */
function place(stack: StackEntry[], found: LineStyle): number {
  if (found.markdownLevel) {
    while (stack.length > 0 && !(stack.at(-1)!.markdown && stack.at(-1)!.level < found.markdownLevel)) stack.pop();
    stack.push({ style: '#', level: found.markdownLevel, markdown: true });
    return found.markdownLevel;
  }
  let sameStyle = stack.length - 1;
  while (sameStyle >= 0 && stack[sameStyle]!.style !== found.style) sameStyle--;
  const restartsNumbering = found.ordinal === 1 && stack.at(-1)?.style !== found.style;
  if (sameStyle >= 0 && !restartsNumbering) stack.length = sameStyle;
  const level = (stack.at(-1)?.level ?? 0) + 1;
  stack.push({ style: found.style, level, markdown: false });
  return level;
}

function classifyLine(line: string, format: 'txt' | 'md', nextLine?: string): LineStyle | undefined {
  if (format === 'md') {
    const marks = MARKDOWN_HEADING.exec(line);
    if (marks) return { style: '#', ordinal: null, markdownLevel: marks[1]!.length };
  }
  if (BULLETS.has(line[0]!)) {
    return line.length <= MAX_BULLET_CHARS && isTitleLike(line) ? { style: line[0]!, ordinal: null } : undefined;
  }
  if (line.length > MAX_NUMBERED_CHARS || !isTitleLike(line) || ITEM_END.test(line)) return undefined;
  if (format === 'md' && MARKDOWN_ORDERED_ITEM.test(line)) return undefined;
  for (const { style, pattern } of NUMBERED_STYLES) {
    const match = pattern.exec(line);
    if (match) return { style, ordinal: parseOrdinal(match[1]!) };
  }
  // An unnumbered plain-text line that introduces an enumerated list, e.g. 加快构建…现代产业体系(三项举措) before 一是….
  if (format === 'txt' && nextLine !== undefined && !SENTENCE_END.test(line) && LIST_ITEM_OPENING.test(nextLine) && !TRAILING_COMMA.test(nextLine)) return { style: 'title', ordinal: null };
  return undefined;
}

function isTitleLike(line: string): boolean {
  return !CONTINUED_SENTENCE.test(line) && !TRAILING_COMMA.test(line);
}

/** 1–999 from Arabic (also full-width) or Chinese numerals (一, 十二, 二十三, 一百零五). */
export function parseOrdinal(numeral: string): number {
  if (/^[0-9０-９]+$/.test(numeral)) return Number(numeral.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  let total = 0;
  let digit = 0;
  for (const ch of numeral) {
    if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch !== '零' && ch !== '〇') {
      digit = ch === '两' ? 2 : '一二三四五六七八九'.indexOf(ch) + 1;
    }
  }
  return total + digit;
}

function stripMarkdownMarks(line: string): string {
  return line.replace(/^#{1,6}\s*/, '').replace(/\s+#+\s*$/, '').trim();
}

/** Calls `visit` with the trimmed bounds of every non-blank line (line breaks: \n, \r\n, \r). */
function forEachTrimmedLine(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let lineStart = 0;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 0x0a;
    if (code !== 0x0a && code !== 0x0d) continue;
    let start = lineStart;
    let end = i;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) visit(start, end);
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    lineStart = i + 1;
  }
}

/** The heading path (outermost first) in force at an offset: the innermost heading starting at or before it. */
export interface SectionPaths {
  /** One path per heading, in document order; each ends with that heading's own title. */
  readonly paths: readonly (readonly string[])[];
  at(offset: number): string[];
}

/** Nests headings by level (a heading closes every open heading of the same or a deeper level). */
export function sectionPaths(headings: readonly HeadingMark[]): SectionPaths {
  const ordered = [...headings].sort((a, b) => a.start - b.start);
  const open: HeadingMark[] = [];
  const paths = ordered.map((heading) => {
    while (open.length > 0 && open.at(-1)!.level >= heading.level) open.pop();
    open.push(heading);
    return open.map((h) => h.title);
  });
  return {
    paths,
    at(offset: number): string[] {
      let lo = 0;
      let hi = ordered.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (ordered[mid]!.start <= offset) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found < 0 ? [] : [...paths[found]!];
    },
  };
}
