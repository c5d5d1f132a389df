import type { Config } from '../config.ts';
import { createEmbeddings, describeEmbedder, embedderMismatch } from '../embeddings/factory.ts';
import { AppError } from '../errors.ts';
import { loadIndex, type LoadedIndex } from '../index/loaded-index.ts';
import type { Tokenizer } from '../types.ts';
import { HybridRetriever } from './hybrid-retriever.ts';

export interface OpenedRetriever {
  index: LoadedIndex;
  retriever: HybridRetriever;
}

/** Loads the published index and checks it was built the way the configuration embeds queries. */
export async function openRetriever(config: Config, tokenizer: Tokenizer): Promise<OpenedRetriever> {
  const index = await loadIndex(config.INDEX_DIR);
  const mismatch = embedderMismatch(index.manifest.embedder, describeEmbedder(config));
  if (mismatch) throw new AppError('INDEX_INCOMPATIBLE', `${mismatch}: rebuild with "npm run ingest -- --full" or change EMBEDDINGS`);
  const embeddings = createEmbeddings(config, tokenizer, index.embedderStats ?? undefined);
  const vectors = await index.openVectors(embeddings);
  const retriever = new HybridRetriever(
    { chunks: index.chunks, bm25: index.bm25, vectors, embeddings, tokenizer },
    {
      candidates: config.RETRIEVAL_CANDIDATES,
      rrfK: config.RRF_K,
      bm25Weight: config.BM25_WEIGHT,
      vectorWeight: config.VECTOR_WEIGHT,
      k: config.RETRIEVAL_K,
      cacheSize: config.SEARCH_CACHE_SIZE,
    },
  );
  return { index, retriever };
}
