import { BaseRetriever } from '@langchain/core/retrievers';
import type { DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Bm25Index } from '../index/bm25-index.ts';
import type { ChunkStore } from '../index/chunk-store.ts';
import type { HnswVectorStore } from '../index/vector-store.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { Retriever, SearchResult, Tokenizer } from '../types.ts';
import { reciprocalRankFusion } from './fusion.ts';
import { isBigramTerm } from '../text/bigrams.ts';
import { withBigrams } from './search-terms.ts';
import { LocalHashEmbeddings } from '../embeddings/local.ts';
import { LRUCache } from 'lru-cache';

export interface HybridSettings {
  /** How many candidates each side contributes before fusion. */
  candidates: number;
  rrfK: number;
  bm25Weight: number;
  vectorWeight: number;
  /** Results returned by the LangChain retriever interface. */
  k: number;
  /** Recent queries whose results are kept (the index does not change under a running retriever); 0 turns it off. */
  cacheSize: number;
}

export interface HybridParts {
  chunks: ChunkStore;
  bm25: Bm25Index;
  vectors: HnswVectorStore;
  embeddings: EmbeddingsInterface;
  tokenizer: Tokenizer;
}

/** BM25 over jieba terms and cosine over embeddings, fused by weighted reciprocal rank. */
export class HybridRetriever extends BaseRetriever implements Retriever {
  lc_namespace = ['zhida', 'retrieval'];

  constructor(
    private readonly parts: HybridParts,
    readonly settings: HybridSettings,
  ) {
    super();
    this.cache = settings.cacheSize > 0 ? new LRUCache({ max: settings.cacheSize }) : null;
  }

  private readonly cache: LRUCache<string, SearchResult[]> | null;

  /** The same index searched with other fusion settings (for tuning and per-request overrides). */
  withSettings(settings: Partial<HybridSettings>): HybridRetriever {
    return new HybridRetriever(this.parts, { ...this.settings, ...settings });
  }

  /** `mode` searches one side alone (for evaluation); no step here needs cancelling, so `signal` is not read. */
  async search(query: string, k: number, { mode = 'hybrid' }: { mode?: 'hybrid' | 'bm25' | 'vector'; signal?: AbortSignal } = {}): Promise<SearchResult[]> {
    const normalised = normaliseForMatch(query);
    const key = `${mode}\u0000${k}\u0000${normalised}`;
    const cached = this.cache?.get(key);
    if (cached) return cached;
    const results = await this.searchUncached(query, normalised, k, mode);
    this.cache?.set(key, results);
    return results;
  }

  private async queryVector(query: string, normalised: string, words: string[]): Promise<number[]> {
    const { embeddings } = this.parts;
    // The local embedder reuses the words BM25 already cut instead of tokenising the query again.
    if (embeddings instanceof LocalHashEmbeddings) return embeddings.vectorFromFeatures(embeddings.featuresFromTerms(words, normalised));
    return embeddings.embedQuery(query);
  }

  private async searchUncached(query: string, normalised: string, k: number, mode: 'hybrid' | 'bm25' | 'vector'): Promise<SearchResult[]> {
    const { chunks, bm25, vectors, tokenizer } = this.parts;
    const { candidates, rrfK, bm25Weight, vectorWeight } = this.settings;
    const depth = Math.max(candidates, k);
    const words = tokenizer.tokenizeNormalised(normalised);
    const lexical = mode === 'vector' ? [] : bm25.search(withBigrams(words, normalised), depth);
    const semantic = mode === 'bm25' ? [] : vectors.searchVector(await this.queryVector(query, normalised, words), depth);
    const fused = reciprocalRankFusion(
      [
        { ids: lexical.map((h) => h.doc), weight: bm25Weight },
        { ids: semantic.map((h) => h.label), weight: vectorWeight },
      ],
      rrfK,
    );
    const matched = new Map(lexical.map((h) => [h.doc, h.matchedTerms.filter((t) => !isBigramTerm(t))]));
    return fused.slice(0, k).map(({ id, score, ranks }) => ({
      ...chunks.at(id)!,
      score,
      debug: { bm25Rank: ranks[0] ?? null, vectorRank: ranks[1] ?? null, matchedTerms: matched.get(id) ?? [] },
    }));
  }

  override async _getRelevantDocuments(query: string): Promise<DocumentInterface[]> {
    const results = await this.search(query, this.settings.k);
    return results.map((r) => this.parts.chunks.document(this.parts.chunks.numberOf(r.id)!)!);
  }
}
