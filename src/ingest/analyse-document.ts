import { chunkDocument, type ChunkOptions } from '../chunking/chunker.ts';
import { countTextTerms, type TermCounts } from '../text/term-counts.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { ChunkRecord, PageMark, Tokenizer } from '../types.ts';
import type { DocumentFormat } from './formats.ts';
import { readDocument } from './read-document.ts';
import type { Ocr } from './readers/ocr.ts';
import { searchText } from './search-text.ts';

/**
 * A chunk as the analysis thread leaves it: its normalised search text and its words joined by newlines (one
 * string crosses between threads far cheaper than thousands).
 */
export interface TokenisedChunk {
  normalised: string;
  words: string;
}

export type AnalysedDocument =
  | { ok: false; reason: string }
  | {
      ok: true;
      text: string;
      format: DocumentFormat;
      encoding: string;
      /** Paged formats: where each page starts in `text`. */
      pages?: PageMark[];
      /** Pages without a text layer left unread (no OCR installed). */
      unreadPages?: number;
      chunks: ChunkRecord[];
      tokenised: TokenisedChunk[];
    };

export interface Analyser {
  tokenizer: Tokenizer;
  chunking: ChunkOptions;
  /** Reads scanned pages; null when Tesseract is not installed. */
  ocr: Ocr | null;
}

/** One normalisation and one tokenisation serve both the BM25 terms and the local features. */
export function tokeniseChunk(chunk: Pick<ChunkRecord, 'section' | 'text'>, tokenizer: Tokenizer): TokenisedChunk {
  const normalised = normaliseForMatch(searchText(chunk));
  return { normalised, words: tokenizer.tokenizeNormalised(normalised).join('\n') };
}

/**
 * The terms of a tokenised chunk, counted once for BM25 and the local features: its words and its character
 * bigrams (as keys, see `cjkBigramKeys`), the same terms the query side makes with `withBigrams`. Made by the
 * thread that indexes: the analysis thread, busy in jieba, is the slower of the two.
 */
export function indexTerms({ normalised, words }: TokenisedChunk): TermCounts {
  return countTextTerms(words ? words.split('\n') : [], normalised);
}

/** Everything ingest needs from one file's bytes but its index terms; runs in a worker thread or in-line, the same either way. */
export async function analyseDocument(source: string, bytes: Uint8Array, analyser: Analyser): Promise<AnalysedDocument> {
  const read = await readDocument(source, bytes, { ocr: analyser.ocr });
  if (!read.ok) return read;
  const chunks = chunkDocument(read.document, analyser.chunking);
  const { pages } = read.document;
  return {
    ok: true,
    text: read.document.text,
    format: read.format,
    encoding: read.encoding,
    ...(pages ? { pages } : {}),
    ...(read.unreadPages ? { unreadPages: read.unreadPages } : {}),
    chunks,
    tokenised: chunks.map((chunk) => tokeniseChunk(chunk, analyser.tokenizer)),
  };
}
