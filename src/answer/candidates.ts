import { LRUCache } from 'lru-cache';
import { splitSentences } from '../chunking/sentences.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { SearchResult } from '../types.ts';

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
}

/** Headings repeat across passages and questions, and normalising (繁→简 included) is the costly part of reading them. */
const normalisedHeadings = new LRUCache<string, string>({ max: 5000 });

function normaliseHeading(text: string): string {
  let normalised = normalisedHeadings.get(text);
  if (normalised === undefined) normalisedHeadings.set(text, (normalised = normaliseForMatch(text)));
  return normalised;
}

/** Sentences of the passages, each once even where chunks overlap; heading lines are context, not answers. */
export function candidateSentences(passages: readonly SearchResult[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  passages.forEach((passage, rank) => {
    const headingTitles = new Set(passage.section.map((s) => s.trim()));
    const heading = normaliseHeading(passage.section.at(-1) ?? '');
    const headingPath = normaliseHeading(passage.section.join('\n'));
    const context = normaliseForMatch(passage.text);
    let lead = '';
    let previousEnd = 0;
    for (const span of splitSentences(passage.text)) {
      const text = passage.text.slice(span.start, span.end);
      // A passage's first sentence repeats the previous chunk's last one, unless the document starts there.
      const isLead = previousEnd === 0 ? passage.start === 0 : passage.text.slice(previousEnd, span.start).includes('\n');
      previousEnd = span.end;
      if (headingTitles.has(text.trim().replace(/^#+\s*/, ''))) continue;
      if (isLead) lead = normaliseForMatch(text);
      const start = passage.start + span.start;
      const key = `${passage.source}\u0000${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ passage, rank, start, end: passage.start + span.end, text, normalised: isLead ? lead : normaliseForMatch(text), heading, headingPath, context, lead, isLead });
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
