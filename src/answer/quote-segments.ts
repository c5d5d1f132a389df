import type { Citation, SearchResult } from '../types.ts';

/** One quoted stretch of a document: what the answer says and the span its citation points to. */
export interface Segment {
  source: string;
  start: number;
  end: number;
  text: string;
  passage: SearchResult;
  score: number;
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

/** A group of quotes that share one citation; the span runs from the first quote's start to the last one's end. */
export interface CitedGroup {
  quotes: Segment[];
  citation: Omit<Citation, 'n'>;
}

function citationOf(s: Segment, text = s.text, end = s.end, score = s.score): Omit<Citation, 'n'> {
  return { id: s.passage.id, text, source: s.source, section: s.passage.section, start: s.start, end, score: Number(score.toFixed(4)) };
}

/**
 * Sentences that touch in the same passage become one quote and one citation covering both; a sentence already
 * inside another quote (a line a closing colon brought in) is not quoted again.
 */
export function mergeAdjacent(segments: Segment[]): CitedGroup[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (out.some((kept) => kept.source === s.source && kept.start <= s.start && s.end <= kept.end)) continue;
    const last = out.at(-1);
    const between = last && last.source === s.source && s.start >= last.end ? s.start - last.end : -1;
    if (last && between >= 0 && between <= 2 && !last.truncatedEnd && !s.truncatedStart && last.passage.id === s.passage.id) {
      const gap = last.passage.text.slice(last.end - last.passage.start, s.start - last.passage.start);
      out[out.length - 1] = { ...last, end: s.end, text: last.text + gap + s.text, score: Math.max(last.score, s.score), truncatedEnd: s.truncatedEnd };
    } else out.push(s);
  }
  return out.map((s) => ({ quotes: [s], citation: citationOf(s) }));
}

/**
 * The text of `source` between `start` and `end`, pieced together from passages that cover it without a gap
 * (neighbouring chunks overlap); undefined when they leave a hole.
 */
export function spanText(passages: readonly SearchResult[], source: string, start: number, end: number): string | undefined {
  let text = '';
  let at = start;
  for (const p of passages.filter((x) => x.source === source).sort((a, b) => a.start - b.start)) {
    if (p.start > at) return undefined;
    if (p.end <= at) continue;
    const to = Math.min(end, p.end);
    text += p.text.slice(at - p.start, to - p.start);
    at = to;
    if (at >= end) return text;
  }
  return undefined;
}

/**
 * The items of one list answer a list question together: the claim is the whole list, and the run of text
 * holding the items (a section's paragraphs, a paragraph's 一是/二是…) supports it. When that run is in one
 * document, in reading order and no longer than `maxSpan` (a passage's length), it is cited as one span; a
 * longer or scattered list keeps one citation per item, so that no citation grows beyond a passage.
 */
export function citeListAsOne(items: Segment[], passages: readonly SearchResult[], maxSpan: number): CitedGroup[] {
  const first = items[0];
  const last = items.at(-1);
  const inReadingOrder = items.every((s, i) => i === 0 || (s.source === first?.source && s.start >= items[i - 1]!.end));
  if (!first || !last || items.length < 2 || !inReadingOrder || last.end - first.start > maxSpan) return mergeAdjacent(items);
  const text = spanText(passages, first.source, first.start, last.end);
  if (text === undefined) return mergeAdjacent(items);
  return [{ quotes: items, citation: citationOf(first, text, last.end, Math.max(...items.map((s) => s.score))) }];
}
