import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { cjkBigrams } from '../text/bigrams.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { Tokenizer } from '../types.ts';
import { fold, hashFeature, statsSlot } from './feature-hashing.ts';
import { LocalEmbeddingStats } from './local-stats.ts';

export const LOCAL_EMBEDDER_KIND = 'local-hash-v1';

/** Words carry meaning; character bigrams catch what the segmenter cut differently. */
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.5;

export interface LocalHashEmbeddingsParams extends EmbeddingsParams {
  dimensions: number;
  tokenizer: Tokenizer;
  /** Corpus statistics from ingest; without them every feature weighs the same. */
  stats?: LocalEmbeddingStats;
}

/** Hashed feature counts of one text: hash → weighted term frequency. */
export type FeatureCounts = Map<number, number>;

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

  /** Features from terms already produced by the tokenizer, so ingest tokenises each chunk once. */
  featuresFromTerms(terms: readonly string[], normalisedText: string): FeatureCounts {
    const counts: FeatureCounts = new Map();
    const add = (feature: string, weight: number) => {
      const hash = hashFeature(feature);
      counts.set(hash, (counts.get(hash) ?? 0) + weight);
    };
    for (const term of terms) add(`w:${term}`, WORD_WEIGHT);
    for (const bigram of cjkBigrams(normalisedText)) add(`b:${bigram}`, BIGRAM_WEIGHT);
    return counts;
  }

  features(text: string): FeatureCounts {
    const normalised = normaliseForMatch(text);
    return this.featuresFromTerms(this.tokenizer.tokenize(normalised), normalised);
  }

  /** The document-frequency slots of feature hashes, for {@link LocalEmbeddingStats.observe}. */
  slotsOf(hashes: Iterable<number>): Set<number> {
    const slots = new Set<number>();
    for (const hash of hashes) slots.add(statsSlot(hash, this.stats.bits));
    return slots;
  }

  vectorFromFeatures(features: FeatureCounts): number[] {
    const vector = new Float64Array(this.dimensions);
    for (const [hash, tf] of features) {
      const weight = (1 + Math.log(tf)) * this.stats.idf(statsSlot(hash, this.stats.bits));
      const { index, sign } = fold(hash, this.dimensions);
      vector[index] = (vector[index] ?? 0) + sign * weight;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm);
    return Array.from(vector, (v) => (norm > 0 ? v / norm : 0));
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((text) => this.vectorFromFeatures(this.features(text)));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.vectorFromFeatures(this.features(document));
  }
}
