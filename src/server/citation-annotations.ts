/**
 * The answer's [n] markers as OpenAI `url_citation` annotations, which OpenAI clients and LangChain already
 * read: each marker's place in the text, a title naming the document and section, and a URL of the cited span.
 */
import type { AskResponse, Citation } from '../types.ts';

/** One [n] marker: answers are renumbered so that every marker reads `[n]`, adjacent ones `[1][2]`. */
const MARKER = /\[(\d{1,3})\]/g;

export interface UrlCitation {
  url: string;
  title: string;
  /** Offsets of the marker in the answer text (JavaScript string offsets, like the citations' `start`/`end`). */
  start_index: number;
  end_index: number;
}

/** What the answer adds beside its citations when the answerer provides it (see the /v1/ask schema). */
export interface AnswerExtras {
  /** The LLM failed and the offline answerer answered: every route that answers says so. */
  fallback?: 'llm_unavailable';
  confidence?: number;
  short?: { text: string; citation: number; start: number; end: number };
}

/** `fallback`, `confidence` and `short` of a response, those it has. */
export function answerExtras(response: AskResponse): AnswerExtras {
  const { fallback, confidence, short } = response as AskResponse & AnswerExtras;
  return { ...(fallback !== undefined ? { fallback } : {}), ...(confidence !== undefined ? { confidence } : {}), ...(short !== undefined ? { short } : {}) };
}

/** Where `GET /v1/context` shows a citation's span in its document. */
export function citationUrl(origin: string, citation: Citation): string {
  const query = new URLSearchParams({ source: citation.source, start: String(citation.start), end: String(citation.end) });
  return `${origin}/v1/context?${query}`;
}

export function citationTitle(citation: Citation): string {
  return [citation.source, ...citation.section].join(' › ');
}

/** One annotation per marker in `text` that names one of `citations`, in text order. */
export function citationAnnotations(text: string, citations: readonly Citation[], origin: string): UrlCitation[] {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const annotations: UrlCitation[] = [];
  for (const match of text.matchAll(MARKER)) {
    const citation = byNumber.get(Number(match[1]));
    if (!citation) continue;
    annotations.push({ url: citationUrl(origin, citation), title: citationTitle(citation), start_index: match.index, end_index: match.index + match[0].length });
  }
  return annotations;
}
