import { chunkDocument, type ChunkOptions } from '../chunking/chunker.ts';
import { LocalHashEmbeddings } from '../embeddings/local.ts';
import { withBigrams } from '../retrieval/search-terms.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { ChunkRecord, PageMark, Tokenizer } from '../types.ts';
import type { DocumentFormat } from './formats.ts';
import { readDocument } from './read-document.ts';
import type { Ocr } from './readers/ocr.ts';
import { searchText } from './search-text.ts';

/** A chunk's hashed features as two parallel arrays (cheap to pass between threads and to spill). */
export interface PackedFeatures {
  hashes: Uint32Array;
  weights: Float32Array;
}

/**
 * A chunk as the analysis thread leaves it: its normalised search text, its words joined by newlines (one string
 * crosses between threads far cheaper than thousands) and, with the local embedder, its hashed features.
 */
export interface TokenisedChunk {
  normalised: string;
  words: string;
  features: PackedFeatures | null;
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
  /** Present when the local embedder is used: its features are gathered from the same words. */
  featureSource: LocalHashEmbeddings | null;
  chunking: ChunkOptions;
  /** Reads scanned pages; null when Tesseract is not installed. */
  ocr: Ocr | null;
}

export function packFeatures(features: Map<number, number>): PackedFeatures {
  const hashes = new Uint32Array(features.size);
  const weights = new Float32Array(features.size);
  let i = 0;
  for (const [hash, weight] of features) {
    hashes[i] = hash;
    weights[i++] = weight;
  }
  return { hashes, weights };
}

type ChunkAnalyser = Pick<Analyser, 'tokenizer' | 'featureSource'>;

/** One normalisation and one tokenisation serve both the BM25 terms and the local features. */
export function tokeniseChunk(chunk: Pick<ChunkRecord, 'section' | 'text'>, { tokenizer, featureSource }: ChunkAnalyser): TokenisedChunk {
  const normalised = normaliseForMatch(searchText(chunk));
  const words = tokenizer.tokenizeNormalised(normalised);
  return { normalised, words: words.join('\n'), features: featureSource ? packFeatures(featureSource.featuresFromTerms(words, normalised)) : null };
}

/**
 * The BM25 terms (words and character bigrams) of a tokenised chunk. Made by the thread that indexes: it would
 * otherwise wait for the analysis thread, and it needs no dictionary to do this.
 */
export function indexTerms({ normalised, words }: TokenisedChunk): string[] {
  return withBigrams(words ? words.split('\n') : [], normalised);
}

export function analyseChunk(chunk: Pick<ChunkRecord, 'section' | 'text'>, analyser: ChunkAnalyser) {
  const tokenised = tokeniseChunk(chunk, analyser);
  return { terms: indexTerms(tokenised), features: tokenised.features };
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
    tokenised: chunks.map((chunk) => tokeniseChunk(chunk, analyser)),
  };
}
