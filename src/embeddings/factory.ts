import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.ts';
import type { Tokenizer } from '../types.ts';
import { LOCAL_EMBEDDER_KIND, LocalHashEmbeddings } from './local.ts';
import type { LocalEmbeddingStats } from './local-stats.ts';
import { createOpenAIEmbeddings, OPENAI_EMBEDDER_KIND } from './openai.ts';

/** What built an index's vectors; an index only answers queries embedded the same way. */
export interface EmbedderDescriptor {
  kind: string;
  model: string | null;
  /** Null until the first vector is seen (remote models decide their own size). */
  dimensions: number | null;
}

export function describeEmbedder(config: Config): EmbedderDescriptor {
  return config.EMBEDDINGS === 'openai'
    ? { kind: OPENAI_EMBEDDER_KIND, model: config.OPENAI_EMBEDDING_MODEL, dimensions: null }
    : { kind: LOCAL_EMBEDDER_KIND, model: null, dimensions: config.EMBEDDING_DIM };
}

export function createEmbeddings(config: Config, tokenizer: Tokenizer, stats?: LocalEmbeddingStats): Embeddings {
  if (config.EMBEDDINGS === 'openai') return createOpenAIEmbeddings(config);
  return new LocalHashEmbeddings({ dimensions: config.EMBEDDING_DIM, tokenizer, ...(stats ? { stats } : {}) });
}

/** Null when compatible, else a sentence saying what differs. */
export function embedderMismatch(built: EmbedderDescriptor, wanted: EmbedderDescriptor): string | null {
  if (built.kind !== wanted.kind) return `the index was built with the "${built.kind}" embedder, the configuration asks for "${wanted.kind}"`;
  if (built.model !== wanted.model) return `the index was built with embedding model "${built.model}", the configuration asks for "${wanted.model}"`;
  if (wanted.dimensions !== null && built.dimensions !== wanted.dimensions) {
    return `the index has ${built.dimensions}-dimensional vectors, the configuration asks for ${wanted.dimensions}`;
  }
  return null;
}
