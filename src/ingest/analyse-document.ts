import { chunkDocument, type ChunkOptions } from '../chunking/chunker.ts';
import { countTerms, type CountedTerms } from '../index/bm25-builder.ts';
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
      terms: CountedTerms[];
      features: PackedFeatures[] | null;
    };

export interface Analyser {
  tokenizer: Tokenizer;
  /** Present when the local embedder is used: its features are gathered in the same pass. */
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

/** BM25 terms and (local) features of one chunk: one normalisation and one tokenisation serve both. */
export function analyseChunk(chunk: Pick<ChunkRecord, 'section' | 'text'>, analyser: Pick<Analyser, 'tokenizer' | 'featureSource'>) {
  const normalised = normaliseForMatch(searchText(chunk));
  const words = analyser.tokenizer.tokenizeNormalised(normalised);
  const features = analyser.featureSource ? packFeatures(analyser.featureSource.featuresFromTerms(words, normalised)) : null;
  return { terms: countTerms(withBigrams(words, normalised)), features };
}

/** Everything ingest needs from one file's bytes; runs in a worker thread or in-line, the same either way. */
export async function analyseDocument(source: string, bytes: Uint8Array, analyser: Analyser): Promise<AnalysedDocument> {
  const read = await readDocument(source, bytes, { ocr: analyser.ocr });
  if (!read.ok) return read;
  const chunks = chunkDocument(read.document, analyser.chunking);
  const terms: CountedTerms[] = [];
  const features: PackedFeatures[] = [];
  for (const chunk of chunks) {
    const analysed = analyseChunk(chunk, analyser);
    terms.push(analysed.terms);
    if (analysed.features) features.push(analysed.features);
  }
  const { pages } = read.document;
  return {
    ok: true,
    text: read.document.text,
    format: read.format,
    encoding: read.encoding,
    ...(pages ? { pages } : {}),
    ...(read.unreadPages ? { unreadPages: read.unreadPages } : {}),
    chunks,
    terms,
    features: analyser.featureSource ? features : null,
  };
}
