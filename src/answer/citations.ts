import type { Citation, SearchResult } from '../types.ts';

/*
 * Citation markers: `[1]`, `[1][2]`, `[1, 2]`, `[1，2]`, `[1、2]`, `[1-3]` and their full-width forms `［１］`.
 * Numbers have at most three digits so that bracketed years such as `[2024]` stay ordinary text.
 * Hand-written: no maintained library parses this citation style.
 */
const DIGITS = '[0-9０-９]{1,3}';
const ITEM = `${DIGITS}(?:\\s*[-–~～]\\s*${DIGITS})?`;
const MARKER = `[\\[［]\\s*${ITEM}(?:\\s*[,，、;；]\\s*${ITEM})*\\s*[\\]］]`;
/** One or more adjacent markers (`[1][2]`, `[1] [2]`) and the spaces or tabs before them. */
const MARKER_GROUP = new RegExp(`([ \\t]*)(${MARKER}(?:[ \\t]*${MARKER})*)`, 'g');
const MARKER_ONLY = new RegExp(MARKER, 'g');
/** A range longer than this is read as its two ends, not expanded (`[6-27]` is more likely a date than 22 citations). */
const MAX_RANGE = 20;

function toInt(digits: string): number {
  return Number.parseInt(digits.normalize('NFKC'), 10);
}

/** Every number one marker names, in written order, duplicates kept. */
function numbersInMarker(marker: string): number[] {
  const inner = marker.slice(1, -1);
  const out: number[] = [];
  for (const item of inner.split(/[,，、;；]/)) {
    const ends = item.split(/[-–~～]/).map((part) => toInt(part.trim()));
    const [from, to] = ends as [number, number | undefined];
    if (to === undefined) out.push(from);
    else if (to >= from && to - from < MAX_RANGE) for (let n = from; n <= to; n++) out.push(n);
    else out.push(from, to);
  }
  return out;
}

function numbersInGroup(group: string): number[] {
  return Array.from(group.matchAll(MARKER_ONLY), (m) => numbersInMarker(m[0])).flat();
}

/** Gives passages the numbers the prompt shows, from 1 in retrieval order; a repeated chunk keeps its first number. */
export function numberPassages(passages: readonly SearchResult[]): Citation[] {
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const p of passages) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    citations.push({
      n: citations.length + 1,
      id: p.id,
      text: p.text,
      source: p.source,
      section: [...p.section],
      start: p.start,
      end: p.end,
      score: p.score,
    });
  }
  return citations;
}

/** The passage block of the user prompt: `[n] (section path)` then the passage text, blank line between passages. */
export function formatPassagesForPrompt(citations: readonly Citation[]): string {
  return citations
    .map((c) => {
      const where = c.section.length > 0 ? ` (${c.section.join(' > ')})` : '';
      return `[${c.n}]${where}\n${c.text.trim()}`;
    })
    .join('\n\n');
}

/** The distinct numbers the markers in `text` name, in order of first appearance. */
export function extractMarkers(text: string): number[] {
  const seen = new Set<number>();
  for (const m of text.matchAll(MARKER_GROUP)) for (const n of numbersInGroup(m[2] as string)) seen.add(n);
  return [...seen];
}

/** `text` without its markers (and the spaces before them). */
export function stripMarkers(text: string): string {
  return text.replace(MARKER_GROUP, '');
}

/**
 * Rewrites every marker group as `[a][b]` (ascending) with each number passed through `map`; numbers mapped to undefined are
 * dropped, and a group left empty disappears with the spaces before it.
 */
export function rewriteMarkers(text: string, map: (n: number) => number | undefined): string {
  return text.replace(MARKER_GROUP, (_whole, lead: string, group: string) => {
    const mapped = new Set<number>();
    for (const n of numbersInGroup(group)) {
      const to = map(n);
      if (to !== undefined) mapped.add(to);
    }
    return mapped.size === 0 ? '' : lead + [...mapped].sort((a, b) => a - b).map((n) => `[${n}]`).join('');
  });
}

export interface RenumberedAnswer {
  answer: string;
  citations: Citation[];
}

/**
 * Keeps the citations the answer refers to, numbered 1..m in order of first reference, and rewrites the markers to
 * match; markers naming no citation are removed. Afterwards every marker names a citation and every citation is named.
 */
export function renumberCitations(answer: string, citations: readonly Citation[]): RenumberedAnswer {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const newNumber = new Map<number, number>();
  for (const n of extractMarkers(answer)) if (byNumber.has(n)) newNumber.set(n, newNumber.size + 1);
  const rewritten = rewriteMarkers(answer, (n) => newNumber.get(n));
  const kept = [...newNumber].map(([oldN, newN]) => ({ ...(byNumber.get(oldN) as Citation), n: newN }));
  return { answer: rewritten, citations: kept };
}
