import { LRUCache } from 'lru-cache';
import { splitSentences, type Span } from '../chunking/sentences.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { SearchResult } from '../types.ts';
import { SentenceFacts } from './sentence-facts.ts';

/** A sentence of a retrieved passage, with offsets into the document's original text. */
export interface Candidate {
  passage: SearchResult;
  /** 0-based rank of its passage in the retrieval results. */
  rank: number;
  start: number;
  end: number;
  text: string;
  normalised: string;
  /** The passage's innermost heading and its text around the sentence, normalised: context that supports it. */
  heading: string;
  /** Every heading above the sentence, outermost first, normalised: the document's frame for it. */
  headingPath: string;
  context: string;
  /** The first sentence of the sentence's paragraph (normalised); paragraphs often open with their topic. */
  lead: string;
  isLead: boolean;
  /** What the normalised sentence holds whatever is asked; shared by every candidate of the same sentence. */
  facts: SentenceFacts;
}

/** Headings repeat across passages and questions, and normalising (繁→简 included) is the costly part of reading them. */
const normalisedHeadings = new LRUCache<string, string>({ max: 5000, memoMethod: (text) => normaliseForMatch(text) });
const normaliseHeading = (text: string) => normalisedHeadings.memo(text);

/** What sentences of a passage share: its headings and text (normalised), and their paragraph's first sentence. */
interface Surroundings {
  lead: string;
  headingPath: string;
  context: string;
}

/** A sentence of a passage as read once, offsets relative to the passage. */
interface SentenceReading {
  start: number;
  end: number;
  text: string;
  isLead: boolean;
  facts: SentenceFacts;
  around: Surroundings;
}

/**
 * The same passages come back for question after question: their sentences are split and normalised once.
 * What the reading depends on (text, headings, whether the passage opens its document) makes the key.
 */
const passageReadings = new LRUCache<string, SentenceReading[], SearchResult>({ max: 5000, memoMethod: (_key, _stale, { context }) => splitPassage(context) });

function readPassage(passage: SearchResult): SentenceReading[] {
  return passageReadings.memo(JSON.stringify([passage.start === 0, passage.section, passage.text]), { context: passage });
}

/** Sentences opening with an enumeration (一是 / 第二, / (3) / ②) are items of one list. */
export const ENUMERATED = /^\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[,，、]|[(（]?[0-9一二三四五六七八九十]+[)）]|[①-⑳])/;

/** A numbered item this short (二是浸沤。三是“多点支撑”。) names what the sentence after it says. */
const ITEM_LABEL_MAX = 12;

const isItemLabel = (sentence: string) => sentence.length <= ITEM_LABEL_MAX && sentence.endsWith('。') && ENUMERATED.test(sentence);

/** Sentence spans, each short numbered label joined to the sentence after it on the same line: its content. */
function sentencesWithItemLabelsJoined(text: string): Span[] {
  const spans = splitSentences(text);
  const labels = spans.map((span) => isItemLabel(text.slice(span.start, span.end)));
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const next = spans[i + 1];
    const contentFollows = next && !labels[i + 1] && !text.slice(span.end, next.start).includes('\n');
    if (contentFollows && labels[i]) {
      out.push({ start: span.start, end: next.end });
      i++;
    } else out.push(span);
  }
  return out;
}

/** Sentences of one passage; heading lines are context, not answers. */
function splitPassage(passage: SearchResult): SentenceReading[] {
  const headingTitles = new Set(passage.section.map((s) => s.trim()));
  const headingPath = normaliseHeading(passage.section.join('\n'));
  const context = normaliseForMatch(passage.text);
  const sentences: SentenceReading[] = [];
  let around: Surroundings = { lead: '', headingPath, context };
  let previousEnd = 0;
  for (const span of sentencesWithItemLabelsJoined(passage.text)) {
    const text = passage.text.slice(span.start, span.end);
    // A passage's first sentence repeats the previous chunk's last one, unless the document starts there.
    const isLead = previousEnd === 0 ? passage.start === 0 : passage.text.slice(previousEnd, span.start).includes('\n');
    previousEnd = span.end;
    if (headingTitles.has(text.trim().replace(/^#+\s*/, ''))) continue;
    const facts = new SentenceFacts(normaliseForMatch(text));
    if (isLead) around = { lead: facts.text, headingPath, context };
    sentences.push({ start: span.start, end: span.end, text, isLead, facts, around });
  }
  return sentences;
}

/** Sentences of the passages, each once even where chunks overlap. */
export function candidateSentences(passages: readonly SearchResult[]): Candidate[] {
  // The furthest end read from each start: a chunk that ends on an item's label reads it alone, the next chunk with its content.
  const seenEnd = new Map<string, number>();
  const out: Candidate[] = [];
  passages.forEach((passage, rank) => {
    const heading = normaliseHeading(passage.section.at(-1) ?? '');
    for (const { start, end, text, isLead, facts, around } of readPassage(passage)) {
      const key = `${passage.source}\u0000${passage.start + start}`;
      if ((seenEnd.get(key) ?? -1) >= passage.start + end) continue;
      seenEnd.set(key, passage.start + end);
      out.push({
        passage,
        rank,
        start: passage.start + start,
        end: passage.start + end,
        text,
        normalised: facts.text,
        heading,
        headingPath: around.headingPath,
        context: around.context,
        lead: around.lead,
        isLead,
        facts,
      });
    }
  });
  return out;
}

export interface Clause {
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
}

/**
 * Clauses of a sentence, split after Chinese and Latin commas, semicolons and colons. Hand-written: a
 * one-line scan, and the offsets must stay exact for citations.
 */
export function splitClauses(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    if (/[，,；;：:]/.test(sentence[i]!) || i === sentence.length - 1) {
      if (i + 1 > start) clauses.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  return clauses;
}
