import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { bigramFirstCode, bigramSecondCode } from '../text/bigrams.ts';
import { countTextTerms, type TermCounts } from '../text/term-counts.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { Tokenizer } from '../types.ts';
import { foldIndex, foldSign, prefixedHasher, prefixedPairHasher, statsSlot } from './feature-hashing.ts';
import { LocalEmbeddingStats } from './local-stats.ts';

export const LOCAL_EMBEDDER_KIND = 'local-hash-v1';

/** Words carry meaning; character bigrams catch what the segmenter cut differently. */
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.3;
/** Features are hashed as `w:word` and `b:bigram`. */
const hashWord = prefixedHasher('w:');
const hashBigram = prefixedPairHasher('b:');

export interface LocalHashEmbeddingsParams extends EmbeddingsParams {
  dimensions: number;
  tokenizer: Tokenizer;
  /** Corpus statistics from ingest; without them every feature weighs the same. */
  stats?: LocalEmbeddingStats;
}

/**
 * Hashed features of one text as two parallel arrays, hash → weighted sublinear term frequency (cheap to
 * pass between threads and to spill to disk).
 */
export interface PackedFeatures {
  hashes: Uint32Array;
  weights: Float32Array;
}

function pack(features: Map<number, number>): PackedFeatures {
  const hashes = new Uint32Array(features.size);
  const weights = new Float32Array(features.size);
  let i = 0;
  for (const [hash, weight] of features) {
    hashes[i] = hash; // back to unsigned by the array's own conversion
    weights[i++] = weight;
  }
  return { hashes, weights };
}

/**
 * A local embedder that needs no model download and no key: TF-IDF-weighted jieba words and
 * character bigrams, hashed into a fixed number of dimensions and L2-normalised.
 */
export class LocalHashEmbeddings extends Embeddings {
  readonly dimensions: number;
  readonly tokenizer: Tokenizer;
  stats: LocalEmbeddingStats;

  constructor(params: LocalHashEmbeddingsParams) {
    super(params);
    if (!Number.isInteger(params.dimensions) || params.dimensions < 8) {
      throw new RangeError('LocalHashEmbeddings: dimensions must be an integer ≥ 8 (set EMBEDDING_DIM)');
    }
    this.dimensions = params.dimensions;
    this.tokenizer = params.tokenizer;
    this.stats = params.stats ?? new LocalEmbeddingStats();
  }

  /**
   * Features from terms already produced by the tokenizer, so ingest tokenises each chunk once: each
   * feature's sublinear term frequency (1 + ln tf) times the weight of its kind.
   */
  featuresFromTerms(terms: readonly string[], normalisedText: string): PackedFeatures {
    return this.featuresOf(countTextTerms(terms, normalisedText));
  }

  /** The same, from terms already counted (ingest counts each chunk's once, for BM25 and for these). */
  featuresOf(terms: TermCounts): PackedFeatures {
    // Keyed by the hash as a signed 32-bit integer, which V8 keeps unboxed: a Map of boxed numbers is far slower.
    const features = new Map<number, number>();
    const add = (hash: number, weight: number) => features.set(hash | 0, (features.get(hash | 0) ?? 0) + weight);
    for (const [word, tf] of terms.words) add(hashWord(word), WORD_WEIGHT * (1 + Math.log(tf)));
    // Bigrams are counted as integer keys: no string per bigram.
    terms.bigramKeys.forEach((key, i) => add(hashBigram(bigramFirstCode(key), bigramSecondCode(key)), BIGRAM_WEIGHT * (1 + Math.log(terms.bigramCounts[i]!))));
    return pack(features);
  }

  features(text: string): PackedFeatures {
    const normalised = normaliseForMatch(text);
    return this.featuresFromTerms(this.tokenizer.tokenizeNormalised(normalised), normalised);
  }

  /** The document-frequency slots of feature hashes, for {@link LocalEmbeddingStats.observe}. */
  slotsOf(hashes: Iterable<number>): Set<number> {
    const slots = new Set<number>();
    for (const hash of hashes) slots.add(statsSlot(hash, this.stats.bits));
    return slots;
  }

  vectorFromFeatures(features: PackedFeatures): number[] {
    const vector = new Float64Array(this.dimensions);
    this.writeVector(features, vector);
    return Array.from(vector);
  }

  /** Writes the unit vector of `features` into `out` (`dimensions` long): ingest reuses one array for 100,000s. */
  writeVector({ hashes, weights }: PackedFeatures, out: Float64Array): void {
    out.fill(0);
    for (let i = 0; i < hashes.length; i++) {
      const hash = hashes[i]!;
      const weight = weights[i]! * this.stats.idf(statsSlot(hash, this.stats.bits));
      out[foldIndex(hash, this.dimensions)]! += foldSign(hash) * weight;
    }
    let norm = 0;
    for (const v of out) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let d = 0; d < out.length; d++) out[d]! /= norm;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((text) => this.vectorFromFeatures(this.features(text)));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.vectorFromFeatures(this.features(document));
  }
}
