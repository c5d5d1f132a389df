/** Lines of every page → one document text: running headers, footers and page numbers dropped, lines joined into paragraphs. */
import { detectHeadings } from '../../chunking/headings.ts';
import type { HeadingMark, PageMark } from '../../types.ts';
import { isChinese, type PdfLine } from './pdf-lines.ts';

export interface PdfPage {
  lines: PdfLine[];
  /** The text came from OCR of the page image (lines are then already paragraphs). */
  ocr?: boolean;
}

export interface PdfText {
  text: string;
  pages: PageMark[];
  headings: HeadingMark[];
}

/** Lines this close to the top or bottom of a page are where running headers and footers sit. */
const EDGE_LINES = 2;
/** A header or footer repeats on at least this share of the pages (it is body text otherwise). */
const REPEAT_SHARE = 0.5;
/** A page number alone on its line: 3, - 3 -, — 3 —, 第3页, 3/10, 第 3 页 共 10 页, Page 3. */
const PAGE_NUMBER = /^[-—–~·\s]*(?:第\s*)?(?:page\s*)?[0-9０-９ivxlc]+\s*(?:页)?\s*(?:(?:[/／]|of|共)\s*[0-9０-９]+\s*(?:页)?)?[-—–~·\s]*$/i;
/** A line starts a new paragraph when its baseline is this much further down than the page's usual line pitch. */
const PARAGRAPH_GAP = 1.15;
/** A line indented by this many ems starts a paragraph. */
const INDENT_EMS = 0.8;
/**
 * A line ending this many ems short of the right edge ends its paragraph. Unjustified lines end ragged by up to
 * about two glyphs (a character may not start a line with closing punctuation, so it takes the one before along).
 */
const SHORT_LINE_EMS = 2;
/** Larger type than the body by this factor marks a heading, if the line is short and not a sentence. */
const HEADING_SIZE = 1.15;
const MAX_HEADING_CHARS = 60;
const SENTENCE_END = /[。！？!?；;：:]$/;

/** Text lines by digits folded away, for telling running headers (第 3 页 / 第 4 页) apart from body text. */
const signature = (text: string) => text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');

/** Drops lines at the top or bottom of pages that repeat on most pages, and page numbers there. */
export function withoutRunningLines(pages: PdfPage[]): PdfPage[] {
  const counts = new Map<string, number>();
  const edges = (page: PdfPage) => {
    const n = page.lines.length;
    return page.lines.filter((_, i) => i < EDGE_LINES || i >= n - EDGE_LINES);
  };
  for (const page of pages) for (const sig of new Set(edges(page).map((l) => signature(l.text)))) counts.set(sig, (counts.get(sig) ?? 0) + 1);
  const textPages = pages.filter((p) => !p.ocr).length;
  const repeated = (line: PdfLine) => textPages >= 2 && (counts.get(signature(line.text)) ?? 0) >= Math.max(2, textPages * REPEAT_SHARE);
  return pages.map((page) => {
    if (page.ocr) return page;
    const n = page.lines.length;
    const lines = page.lines.filter((line, i) => {
      const atEdge = i < EDGE_LINES || i >= n - EDGE_LINES;
      return !(atEdge && (repeated(line) || PAGE_NUMBER.test(line.text)));
    });
    return { ...page, lines };
  });
}

/** The body's font size: the size most characters are set in. */
function bodySize(pages: PdfPage[]): number {
  const chars = new Map<number, number>();
  for (const page of pages.filter((p) => !p.ocr)) for (const l of page.lines) chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The smallest distance between consecutive baselines of same-size lines: a line feed within a paragraph. */
function linePitch(lines: PdfLine[]): number {
  let pitch = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i - 1]!.y - lines[i]!.y;
    if (d > 0 && Math.abs(lines[i]!.size - lines[i - 1]!.size) < 0.5) pitch = Math.min(pitch, d);
  }
  return pitch;
}

interface Margins {
  left: number;
  right: number;
}

/** Whether `next` continues the paragraph `prev` ends on (both on one page, or across a page break). */
function continues(prev: PdfLine, next: PdfLine, margins: Margins, pitch: number | null): boolean {
  if (Math.abs(prev.size - next.size) >= 0.5) return false;
  const em = prev.size;
  if (prev.x1 < margins.right - SHORT_LINE_EMS * em) return false; // a short line ends its paragraph
  if (next.x0 > margins.left + INDENT_EMS * em) return false; // an indented line starts one
  if (pitch !== null && prev.y - next.y > pitch * PARAGRAPH_GAP) return false;
  return !detectsAsHeading(next.text);
}

const detectsAsHeading = (line: string) => detectHeadings(line, 'txt').length > 0;

function pageMargins(pages: PdfPage[], size: number): Margins {
  const body = pages.filter((p) => !p.ocr).flatMap((p) => p.lines).filter((l) => Math.abs(l.size - size) < 0.5);
  return { left: Math.min(...body.map((l) => l.x0)), right: Math.max(...body.map((l) => l.x1)) };
}

/** Joins the lines, page after page; a paragraph running over a page break stays one paragraph. */
export function layoutPages(rawPages: PdfPage[]): PdfText {
  const pages = withoutRunningLines(rawPages);
  const size = bodySize(pages);
  const margins = pageMargins(pages, size);
  let text = '';
  const marks: PageMark[] = [];
  const sized: { start: number; end: number; size: number }[] = [];
  let prev: PdfLine | null = null;
  let prevOcr = false;
  let lineStart = 0;
  for (const page of pages) {
    const pitch = linePitch(page.lines);
    let pageStarted = false;
    for (const line of page.lines) {
      const joined = prev !== null && !page.ocr && !prevOcr && continues(prev, line, margins, pageStarted ? (Number.isFinite(pitch) ? pitch : null) : null);
      if (text && !joined) text += '\n';
      else if (joined && !isChinese(text.at(-1)) && !isChinese(line.text[0])) text += ' ';
      if (!pageStarted) {
        marks.push({ start: text.length, ...(page.ocr ? { ocr: true } : {}) });
        pageStarted = true;
      }
      if (!joined) lineStart = text.length;
      text += line.text;
      if (!joined && !page.ocr) sized.push({ start: lineStart, end: text.length, size: line.size });
      else if (joined) sized.at(-1)!.end = text.length;
      prev = line;
      prevOcr = page.ocr ?? false;
    }
    if (!pageStarted) marks.push({ start: text.length, ...(page.ocr ? { ocr: true } : {}) });
  }
  return { text, pages: marks, headings: headingsOf(text, sized, size) };
}

/**
 * Headings by size: paragraphs in larger type than the body, short and not a sentence, ranked by size (largest is
 * level 1). Headings by numbering style (一、 (一) 1. 第一章 …) nest below them.
 */
function headingsOf(text: string, paragraphs: { start: number; end: number; size: number }[], body: number): HeadingMark[] {
  const bySize = paragraphs.filter((p) => p.size >= body * HEADING_SIZE && p.end - p.start <= MAX_HEADING_CHARS && !SENTENCE_END.test(text.slice(p.start, p.end)));
  const sizes = [...new Set(bySize.map((p) => Math.round(p.size)))].sort((a, b) => b - a);
  const headings: HeadingMark[] = bySize.map((p) => ({ start: p.start, end: p.end, level: sizes.indexOf(Math.round(p.size)) + 1, title: text.slice(p.start, p.end) }));
  const taken = new Set(headings.map((h) => h.start));
  for (const h of detectHeadings(text, 'txt')) if (!taken.has(h.start)) headings.push({ ...h, level: h.level + sizes.length });
  return headings.sort((a, b) => a.start - b.start);
}
