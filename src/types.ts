/** Shared shapes of the pipeline: ingest → text → chunking → embeddings → index → retrieval → answer → server. */

/** A decoded document as the chunker sees it. `text` is the original the offsets refer to. */
export interface SourceDocument {
  /** Path relative to SEEDS_DIR, `/`-separated. */
  source: string;
  text: string;
  /** Headings found by a format-aware parser (HTML, DOCX, PDF); plain text and Markdown leave this out. */
  headings?: HeadingMark[];
  /** Paged formats (PDF): where each page starts in `text`, in page order. */
  pages?: PageMark[];
}

/** One page of a paged document: its text starts at `start` in the document text (page n is `pages[n - 1]`). */
export interface PageMark {
  start: number;
  /** The page's text was read from its image by OCR. */
  ocr?: boolean;
}

/** Where in a paged document a span starts: its 1-based page, and whether that page was read by OCR. */
export interface PageLocation {
  page?: number;
  ocr?: true;
}

export interface HeadingMark {
  /** Offset of the heading's first character in the document text. */
  start: number;
  end: number;
  /** 1 = outermost. */
  level: number;
  title: string;
}

/** A passage as stored in the index. `original.slice(start, end) === text`. */
export interface ChunkRecord {
  id: string;
  source: string;
  section: string[];
  start: number;
  end: number;
  text: string;
}

export interface RetrievalDebug {
  bm25Rank: number | null;
  vectorRank: number | null;
  matchedTerms: string[];
}

export interface SearchResult extends ChunkRecord, PageLocation {
  score: number;
  debug: RetrievalDebug;
}

/** Text in, search-ready terms out; the same function runs at index and at query time. */
export interface Tokenizer {
  tokenize(text: string): string[];
  /** The same for text already through `normaliseForMatch` (callers that need the normalised text too). */
  tokenizeNormalised(normalisedText: string): string[];
  /** Loads dictionaries now instead of on first use. */
  preload?(): void;
}

export interface Retriever {
  /** `signal` cancels the LLM steps of a search (a question translated for searching); the search itself is fast. */
  search(query: string, k: number, options?: { signal?: AbortSignal }): Promise<SearchResult[]>;
}


export interface Citation extends PageLocation {
  n: number;
  id: string;
  text: string;
  source: string;
  section: string[];
  start: number;
  end: number;
  score: number;
}

export type AnswerStatus = 'answered' | 'no_answer';
export type AnswerMode = 'extractive' | 'llm';

/** The answer phrase of a question asking for a value or a name, inside citation `citation`'s span. */
export interface ShortAnswer {
  text: string;
  /** The number `n` of the citation that holds it. */
  citation: number;
  /** Offsets in the source document: `original.slice(start, end) === text`. */
  start: number;
  end: number;
}

export interface AskResponse {
  status: AnswerStatus;
  answer: string;
  mode: AnswerMode;
  citations: Citation[];
  /** The standalone question that was searched (differs from the input for follow-ups). */
  question: string;
  fallback?: 'llm_unavailable';
  /** Calibrated probability (0–1) that the documents answer the question; `answered` at or above the threshold. */
  confidence?: number;
  short?: ShortAnswer;
  debug?: Record<string, unknown>;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** Sampling settings a client asks for; only a configured LLM uses them (the extractive answerer quotes). */
export interface Sampling {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  /** End-user id, passed on for the provider's abuse monitoring. */
  user?: string;
}

export interface AskOptions {
  /** How many passages to retrieve (1–20). */
  k?: number;
  debug?: boolean;
  history?: ChatTurn[];
  /** Fires when the client has gone: the request stops. */
  signal?: AbortSignal;
  sampling?: Sampling;
  /**
   * Fires when the request's time for LLM steps (rewrite, translation, answer: LLM_TIMEOUT_MS in all) is
   * spent, or the client has gone; every upstream call is cancelled and the offline fallback answers.
   */
  llmSignal?: AbortSignal;
}

/** What a streamed answer emits: the citations first, then text deltas, then the whole response. */
export type AskEvent =
  | { type: 'citations'; citations: Citation[] }
  | { type: 'delta'; text: string }
  | { type: 'done'; response: AskResponse };

/** Turns a question and its retrieved passages into a cited answer. */
export interface Answerer {
  readonly mode: AnswerMode;
  answer(question: string, passages: SearchResult[], options: AskOptions): Promise<AskResponse>;
  stream(question: string, passages: SearchResult[], options: AskOptions): AsyncIterable<AskEvent>;
}

/** The seam between the HTTP layer (and the CLI) and everything below it. */
export interface QaService {
  search(query: string, k: number): Promise<SearchResult[]>;
  ask(question: string, options: AskOptions): Promise<AskResponse>;
  askStream(question: string, options: AskOptions): AsyncIterable<AskEvent>;
  /** The span `start`–`end` of a document's original with up to `window` characters either side; null when the source is unknown or the offsets fall outside it. */
  context?(source: string, start: number, end: number, window: number): Promise<PassageContext | null>;
}

/** A cited span in its surrounding text: `before + text + after` is a contiguous slice of the original. */
export interface PassageContext extends PageLocation {
  source: string;
  before: string;
  text: string;
  after: string;
}
