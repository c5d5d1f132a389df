/** Document → passages of whole sentences that never cross a heading, with sentence overlap inside a section. */
import type { ChunkRecord, HeadingMark, SourceDocument } from '../types.ts';
import { detectHeadings, sectionPaths } from './headings.ts';
import { isSpace, splitSentences, type Span } from './sentences.ts';

export interface ChunkOptions {
  /** Upper bound on a chunk's length in UTF-16 code units of the original slice (≥ 20). */
  maxChars: number;
  /** Body sentences repeated from the end of one chunk at the start of the next chunk of the same section (≥ 0). */
  overlapSentences: number;
}

const MIN_MAX_CHARS = 20;
/** An over-long sentence is cut at a comma found in the last part of the window, if any. */
const COMMA_SEARCH_SHARE = 0.5;
const SOFT_BREAKS = new Set([0x2c, 0xff0c, 0x3001, 0xff1a, 0x3a]); // , ， 、 ： :

/** A sentence, a piece of an over-long sentence, or a heading line. */
type Unit = Span & { heading: boolean };

export function chunkDocument(doc: SourceDocument, options: ChunkOptions): ChunkRecord[] {
  validateOptions(options);
  const { maxChars, overlapSentences } = options;
  const headings = nonOverlapping(doc.headings ?? detectHeadings(doc.text, /\.(md|markdown)$/i.test(doc.source) ? 'md' : 'txt'));
  const sections = sectionPaths(headings);
  const units = splitLongUnits(doc.text, toUnits(doc.text, splitSentences(doc.text), headings), maxChars);

  const chunks: ChunkRecord[] = [];
  const emit = (group: Unit[]): void => {
    const first = group[0]!;
    const last = group.at(-1)!;
    const firstBody = group.find((u) => !u.heading);
    chunks.push({
      id: `${doc.source}#${chunks.length}`,
      source: doc.source,
      section: sections.at(firstBody ? firstBody.start : last.start),
      start: first.start,
      end: last.end,
      text: doc.text.slice(first.start, last.end),
    });
  };

  let current: Unit[] = [];
  let hasBody = false;
  for (const unit of units) {
    const fits = current.length === 0 || unit.end - current[0]!.start <= maxChars;
    if (unit.heading) {
      // A heading starts a new chunk; headings in a row gather into one, so they travel with the body that follows.
      if (hasBody || !fits) {
        emit(current);
        current = [];
        hasBody = false;
      }
      current.push(unit);
    } else if (fits) {
      current.push(unit);
      hasBody = true;
    } else if (!hasBody) {
      // Only headings so far: keep the innermost ones that fit with this sentence, emit the rest on their own.
      let keepFrom = 0;
      while (keepFrom < current.length && unit.end - current[keepFrom]!.start > maxChars) keepFrom++;
      if (keepFrom > 0) emit(current.slice(0, keepFrom));
      current = [...current.slice(keepFrom), unit];
      hasBody = true;
    } else {
      emit(current);
      const repeated = overlapSentences === 0 ? [] : current.filter((u) => !u.heading).slice(-overlapSentences);
      while (repeated.length > 0 && unit.end - repeated[0]!.start > maxChars) repeated.shift();
      current = [...repeated, unit];
    }
  }
  if (current.length > 0) emit(current);
  return chunks;
}

function validateOptions(options: ChunkOptions): void {
  if (!Number.isInteger(options.maxChars) || options.maxChars < MIN_MAX_CHARS) {
    throw new RangeError(`maxChars must be an integer of at least ${MIN_MAX_CHARS}, got ${options.maxChars}: raise it`);
  }
  if (!Number.isInteger(options.overlapSentences) || options.overlapSentences < 0) {
    throw new RangeError(
      `overlapSentences must be an integer of at least 0, got ${options.overlapSentences}: use 0 for no overlap`,
    );
  }
}

/** Sorted by start; a heading that begins inside the previous one is dropped, and empty ones too. */
function nonOverlapping(headings: readonly HeadingMark[]): HeadingMark[] {
  const sorted = headings.filter((h) => h.end > h.start).sort((a, b) => a.start - b.start);
  const kept: HeadingMark[] = [];
  for (const heading of sorted) {
    if (kept.length === 0 || heading.start >= kept.at(-1)!.end) kept.push(heading);
  }
  return kept;
}

/** Merges heading lines and sentences; a sentence overlapping a heading keeps only its parts outside it. */
function toUnits(text: string, sentences: Span[], headings: HeadingMark[]): Unit[] {
  const units: Unit[] = [];
  let h = 0;
  const pushBody = (start: number, end: number): void => {
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) units.push({ start, end, heading: false });
  };
  for (const sentence of sentences) {
    let start = sentence.start;
    while (h < headings.length && headings[h]!.start < sentence.end) {
      const heading = headings[h]!;
      if (heading.end > start) {
        pushBody(start, Math.min(heading.start, sentence.end));
        start = Math.max(start, heading.end);
      }
      if (heading.end > sentence.end) break;
      units.push({ start: heading.start, end: heading.end, heading: true });
      h++;
    }
    pushBody(start, sentence.end);
  }
  for (; h < headings.length; h++) units.push({ start: headings[h]!.start, end: headings[h]!.end, heading: true });
  return units;
}

/** Cuts every unit longer than maxChars into pieces of at most maxChars, preferring to cut after a comma. */
function splitLongUnits(text: string, units: Unit[], maxChars: number): Unit[] {
  if (units.every((u) => u.end - u.start <= maxChars)) return units;
  const out: Unit[] = [];
  for (const unit of units) {
    let start = unit.start;
    while (unit.end - start > maxChars) {
      const cut = cutPoint(text, start, maxChars);
      let end = cut;
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      if (end > start) out.push({ start, end, heading: unit.heading });
      start = cut;
      while (start < unit.end && isSpace(text.charCodeAt(start))) start++;
    }
    if (unit.end > start) out.push({ start, end: unit.end, heading: unit.heading });
  }
  return out;
}

function cutPoint(text: string, start: number, maxChars: number): number {
  const limit = start + maxChars;
  const earliest = start + Math.ceil(maxChars * COMMA_SEARCH_SHARE);
  for (let i = limit; i > earliest; i--) {
    if (SOFT_BREAKS.has(text.charCodeAt(i - 1))) return i;
  }
  // Never separate the two halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
