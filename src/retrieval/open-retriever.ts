import type { Config } from '../config.ts';
import { createEmbeddings, describeEmbedder, embedderMismatch } from '../embeddings/factory.ts';
import { AppError } from '../errors.ts';
import { loadVersion, publishedVersionDir, type LoadedIndex } from '../index/loaded-index.ts';
import type { Tokenizer } from '../types.ts';
import { HybridRetriever } from './hybrid-retriever.ts';

export interface OpenedRetriever {
  index: LoadedIndex;
  retriever: HybridRetriever;
}

/** Loads the published index (or the version in `directory`) and checks it was built the way the configuration embeds queries. */
export async function openRetriever(config: Config, tokenizer: Tokenizer, directory?: string): Promise<OpenedRetriever> {
  const loading = loadVersion(directory ?? (await publishedVersionDir(config.INDEX_DIR)));
  // The index's files are hashed off the main thread while the dictionary (≈1 s, synchronous) loads on it.
  tokenizer.preload?.();
  const index = await loading;
  try {
    return { index, retriever: await retrieverOver(index, config, tokenizer) };
  } catch (error) {
    index.close();
    throw error;
  }
}

async function retrieverOver(index: LoadedIndex, config: Config, tokenizer: Tokenizer): Promise<HybridRetriever> {
  const mismatch = embedderMismatch(index.manifest.embedder, describeEmbedder(config));
  if (mismatch) throw new AppError('INDEX_INCOMPATIBLE', `${mismatch}: rebuild with "npm run ingest -- --full" or change EMBEDDINGS`);
  const embeddings = createEmbeddings(config, tokenizer, index.embedderStats ?? undefined);
  const vectors = await index.openVectors(embeddings);
  return new HybridRetriever(
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
}
