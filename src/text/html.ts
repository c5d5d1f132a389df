/** HTML → visible text with headings. For HTML sources the returned text is the document's original. */
import { Parser } from 'htmlparser2';
import type { HeadingMark } from '../types.ts';

const SKIPPED = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg', 'iframe', 'object']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'tfoot', 'thead', 'tr', 'ul',
]);
const CELLS = new Set(['td', 'th']);
/** Inside a table cell, paragraphs and line breaks become spaces, so each row reads as one line. */
const TABLE_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);
const HEADING_TAG = /^h([1-6])$/;

/** Collects visible text, turning block boundaries into single line breaks and whitespace runs into single spaces. */
class VisibleText {
  private readonly parts: string[] = [];
  length = 0;
  private pendingBreak = false;
  private pendingSpace = false;

  blockBoundary(): void {
    this.pendingBreak = true;
    this.pendingSpace = false;
  }

  space(): void {
    if (!this.pendingBreak) this.pendingSpace = true;
  }

  /** Appends non-empty content; returns the offset where it starts. */
  write(content: string): number {
    if (this.length > 0 && (this.pendingBreak || this.pendingSpace)) this.push(this.pendingBreak ? '\n' : ' ');
    this.pendingBreak = false;
    this.pendingSpace = false;
    const start = this.length;
    this.push(content);
    return start;
  }

  toString(): string {
    return this.parts.join('');
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
}

export function htmlToDocument(html: string): { text: string; headings: HeadingMark[] } {
  const out = new VisibleText();
  const spans: Omit<HeadingMark, 'title'>[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let openHeading: { tag: string; level: number; start: number } | undefined;
  let cellDepth = 0;
  const boundary = (name: string) => {
    if (CELLS.has(name) || (cellDepth > 0 && !TABLE_STRUCTURE.has(name))) out.space();
    else out.blockBoundary();
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth++;
        if (BLOCKS.has(name) || CELLS.has(name)) boundary(name);
        if (CELLS.has(name)) cellDepth++;
        const heading = HEADING_TAG.exec(name);
        if (heading && !openHeading) openHeading = { tag: name, level: Number(heading[1]), start: -1 };
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (openHeading?.tag === name) {
          if (openHeading.start >= 0) spans.push({ start: openHeading.start, end: out.length, level: openHeading.level });
          openHeading = undefined;
        }
        if (CELLS.has(name)) cellDepth = Math.max(0, cellDepth - 1);
        if (BLOCKS.has(name) || CELLS.has(name)) boundary(name);
      },
      ontext(data) {
        if (skipDepth > 0) return;
        const start = preDepth > 0 ? writePreformatted(out, data) : writeFlowing(out, data);
        if (openHeading && openHeading.start < 0 && start >= 0) openHeading.start = start;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);

  const text = out.toString();
  const headings = spans
    .map((s) => trimSpan(text, s))
    .filter((s) => s.end > s.start)
    .map((s) => ({ ...s, title: text.slice(s.start, s.end) }));
  return { text, headings };
}

/** Returns the offset of the written content, or -1 when the text was only whitespace. */
function writeFlowing(out: VisibleText, data: string): number {
  const collapsed = data.replace(/\s+/g, ' ');
  const content = collapsed.trim();
  if (collapsed.startsWith(' ')) out.space();
  if (content === '') return -1;
  const start = out.write(content);
  if (collapsed.endsWith(' ')) out.space();
  return start;
}

function writePreformatted(out: VisibleText, data: string): number {
  if (data.trim() === '') return -1;
  return out.write(data);
}

function trimSpan<T extends { start: number; end: number }>(text: string, span: T): T {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { ...span, start, end };
}
