import { normaliseForMatch } from '../text/normalise.ts';
import type { Citation } from '../types.ts';
import { extractMarkers, stripMarkers } from './citations.ts';
import { NO_ANSWER_SENTINEL } from './prompts.ts';

/**
 * Least share of a sentence's content bigrams that its cited passages must contain. On the seed document, sentences
 * restating a passage share 0.8–1.0 (only bigrams across joins and added subjects are new), paraphrases 0.6–0.7, and
 * claims the passage does not make, written on its topic, 0.1–0.3 (topic words such as 数据/中心 match, the claim does
 * not). 0.5 sits between paraphrase and invention; tests/answer/verify.test.ts pins examples of each.
 */
export const SUPPORT_THRESHOLD = 0.5;

/** An unmarked sentence this short (CJK characters + Latin words, no digits) is a connective such as “具体如下：”. */
export const CONNECTIVE_MAX_UNITS = 6;
/** A lead-in ending in a colon may be a little longer: “主要有以下三个方面：”. */
export const LEAD_IN_MAX_UNITS = 12;

/** An unmarked sentence saying what the passages leave out (the prompt asks for one on partial answers). */
const NOT_COVERED =
  /(没有|未|并未|不)(提及|提到|说明|涉及|包含|给出|列出)|(资料|段落|材料)中?(没有|并无|无)|not (mention|say|state|cover|specify|include|give)|no information/i;
const TERMINATORS = new Set(['。', '！', '？', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '"', "'", '》']);
const LEADING_MARKERS = /^[ \t]*(?:[\[［]\s*[0-9０-９][^\]］\n]{0,40}[\]］][ \t]*)+/;
const POSSIBLE_MARKER_START = /^[ \t]*[\[［][0-9０-９\s,，、;；\-–~～]*$/;
const LIST_PREFIX = /^\s*(?:[-*•]|\d{1,2}[.、)）]|[(（]\d{1,2}[)）])\s*/;
const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+/gi;
const NUMBER = /\d+(?:\.\d+)?/g;
const HAS_DIGIT = /\d/;

export interface UnsupportedSentence {
  sentence: string;
  markers: number[];
  overlap: number;
}

export interface VerificationResult {
  /** Sentences kept, as written. */
  supported: string[];
  unsupported: UnsupportedSentence[];
  /** The answer without the unsupported sentences; line breaks between kept sentences are preserved. */
  text: string;
}

interface Segment {
  /** Offset of the segment in the text split. */
  start: number;
  /** The sentence, trimmed. */
  sentence: string;
  /** The whitespace after it. */
  gap: string;
}

/** Han characters plus Latin words: a length that weighs “数字经济” and “digital economy” alike. */
export function scriptUnits(text: string): { han: number; latinWords: number } {
  return { han: text.match(HAN)?.length ?? 0, latinWords: text.match(LATIN_WORD)?.length ?? 0 };
}

function contentOf(text: string): string {
  return normaliseForMatch(stripMarkers(text).replace(LIST_PREFIX, '')).replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(content: string): Set<string> {
  const chars = Array.from(content);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) out.add(chars[0]!);
  return out;
}

function numbersOf(text: string): string[] {
  return normaliseForMatch(stripMarkers(text).replace(LIST_PREFIX, '')).match(NUMBER) ?? [];
}

function isLatin(text: string): boolean {
  const { han, latinWords } = scriptUnits(text);
  return latinWords > han / 2;
}

export interface VerifyOptions {
  /**
   * The question was asked in another script than the documents (English over Chinese), so the answer may be too.
   * Only then is a sentence in another script than its passages judged by its numbers alone; otherwise it has no support.
   */
  crossLanguage?: boolean;
}

/**
 * Share of the sentence's content bigrams found in the cited passages together (a sentence citing [1][2] claims the
 * pair supports it). A sentence in another script than its passages cannot be compared letter by letter: it has no
 * support, unless the question itself was cross-language, in which case the share is that of its numbers found.
 */
export function supportOverlap(sentence: string, passages: readonly string[], options: VerifyOptions = {}): number {
  if (passages.length === 0) return 0;
  const joined = passages.join('\n');
  if (isLatin(sentence) !== isLatin(joined)) {
    if (!options.crossLanguage) return 0;
    const numbers = numbersOf(sentence);
    if (numbers.length === 0) return 1;
    const available = new Set(numbersOf(joined));
    return numbers.filter((n) => available.has(n)).length / numbers.length;
  }
  const wanted = bigrams(contentOf(sentence));
  if (wanted.size === 0) return 1;
  const have = new Set(passages.flatMap((p) => [...bigrams(contentOf(p))]));
  let found = 0;
  for (const b of wanted) if (have.has(b)) found++;
  return found / wanted.size;
}

/** Every number in the sentence must be written in a cited passage: numbers are the claims most easily invented. */
function numbersSupported(sentence: string, passages: readonly string[]): boolean {
  const available = new Set(passages.flatMap(numbersOf));
  return numbersOf(sentence).every((n) => available.has(n));
}

/** How an unmarked sentence may stay: as a note on what is not covered, as a connective, or not at all. */
function unmarkedKind(sentence: string): 'note' | 'connective' | null {
  if (HAS_DIGIT.test(normaliseForMatch(sentence)) || sentence.includes(NO_ANSWER_SENTINEL)) return null;
  if (NOT_COVERED.test(sentence)) return 'note';
  const { han, latinWords } = scriptUnits(sentence);
  const units = han + latinWords;
  if (units <= CONNECTIVE_MAX_UNITS) return 'connective';
  if (/[:：]$/.test(sentence) && units <= LEAD_IN_MAX_UNITS) return 'connective';
  return null;
}

/**
 * Splits after 。！？!? (and `.` before a space, unless it ends a list number or a decimal) and at line breaks. Closing
 * quotes and citation markers after the full stop stay with their sentence. The last segment may be unfinished.
 * Hand-written: Intl.Segmenter splits `。[1]` away from its sentence and knows nothing of markers.
 */
function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let i = 0;
  const close = (end: number) => {
    let gapEnd = end;
    while (gapEnd < text.length && /\s/.test(text[gapEnd]!)) gapEnd++;
    segments.push({ start, sentence: text.slice(start, end).trim(), gap: text.slice(end, gapEnd) });
    start = gapEnd;
    i = gapEnd;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      close(i);
      continue;
    }
    const fullStop =
      ch === '.' && (i + 1 === text.length || /\s/.test(text[i + 1]!)) && !/^\s*(\d+|[a-z]|[ivx]+)$/i.test(text.slice(start, i));
    if (TERMINATORS.has(ch) || fullStop) {
      let end = i + 1;
      while (end < text.length && (TERMINATORS.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
      const markers = LEADING_MARKERS.exec(text.slice(end));
      if (markers) end += markers[0].trimEnd().length;
      close(end);
      continue;
    }
    i++;
  }
  if (start < text.length) segments.push({ start, sentence: text.slice(start).trim(), gap: '' });
  return segments;
}

/** At most one blank line between kept sentences; a plain space stays a space. */
function strongerGap(a: string, b: string): string {
  const lines = Math.max(a.split('\n').length - 1, b.split('\n').length - 1);
  if (lines > 0) return '\n'.repeat(Math.min(lines, 2));
  return a || b ? ' ' : '';
}

/**
 * Checks an answer sentence by sentence as text arrives, so a stream can show each sentence once it is verified.
 * `push` returns the verified text that is ready; `finish` returns the rest. Both paths give the same result.
 */
export class AnswerVerifier {
  private readonly passages: Map<number, string>;
  private buffer = '';
  private pendingGap = '';
  private emittedAny = false;
  /** Connectives waiting for a cited sentence to lead into: one that leads nowhere (a stray heading at the end) is dropped. */
  private held = '';
  private heldSentences: string[] = [];
  private readonly supported: string[] = [];
  private readonly unsupported: UnsupportedSentence[] = [];
  private output = '';

  constructor(
    citations: readonly Citation[],
    private readonly options: VerifyOptions = {},
  ) {
    this.passages = new Map(citations.map((c) => [c.n, [...c.section, c.text].join('\n')]));
  }

  push(chunk: string): string {
    this.buffer += chunk;
    const segments = splitSegments(this.buffer);
    // The last segment may still grow; if it could be the start of a marker, the one before may still gain it.
    const last = segments.at(-1);
    const ready = last && POSSIBLE_MARKER_START.test(this.buffer.slice(last.start)) ? segments.length - 2 : segments.length - 1;
    if (ready <= 0) return '';
    this.buffer = this.buffer.slice(segments[ready]!.start);
    return this.accept(segments.slice(0, ready));
  }

  finish(): string {
    const segments = splitSegments(this.buffer);
    this.buffer = '';
    const out = this.accept(segments);
    for (const sentence of this.heldSentences) this.unsupported.push({ sentence, markers: [], overlap: 0 });
    this.held = '';
    this.heldSentences = [];
    return out;
  }

  result(): VerificationResult {
    return { supported: [...this.supported], unsupported: [...this.unsupported], text: this.output };
  }

  private accept(segments: Segment[]): string {
    let out = '';
    for (const { sentence, gap } of segments) {
      if (sentence === '') {
        this.pendingGap = strongerGap(this.pendingGap, gap);
        continue;
      }
      const kept = this.check(sentence);
      if (kept) {
        const piece = (this.emittedAny ? this.pendingGap : '') + sentence;
        this.emittedAny = true;
        this.pendingGap = strongerGap(gap, '');
        if (kept === 'connective') {
          this.held += piece;
          this.heldSentences.push(sentence);
          continue;
        }
        out += this.held + piece;
        this.supported.push(...this.heldSentences, sentence);
        this.held = '';
        this.heldSentences = [];
      } else {
        this.pendingGap = strongerGap(this.pendingGap, gap);
      }
    }
    this.output += out;
    return out;
  }

  /** How the sentence is kept (false: dropped, and recorded as unsupported). */
  private check(sentence: string): 'cited' | 'note' | 'connective' | false {
    const markers = extractMarkers(sentence);
    if (markers.length === 0) {
      const kind = unmarkedKind(sentence);
      if (!kind) this.unsupported.push({ sentence, markers, overlap: 0 });
      return kind ?? false;
    }
    const cited = markers.flatMap((n) => this.passages.get(n) ?? []);
    const overlap = supportOverlap(sentence, cited, this.options);
    if (overlap >= SUPPORT_THRESHOLD && numbersSupported(sentence, cited)) return 'cited';
    this.unsupported.push({ sentence, markers, overlap: Math.round(overlap * 1000) / 1000 });
    return false;
  }
}

/** Verifies a whole answer; see {@link AnswerVerifier}. */
export function verifyAnswer(answer: string, citations: readonly Citation[], options: VerifyOptions = {}): VerificationResult {
  const verifier = new AnswerVerifier(citations, options);
  verifier.push(answer);
  verifier.finish();
  return verifier.result();
}
