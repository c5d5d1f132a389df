import type { Config } from '../config.ts';
import { createEmbeddings, describeEmbedder } from '../embeddings/factory.ts';
import { JiebaTokenizer } from '../text/jieba.ts';
import type { Tokenizer } from '../types.ts';
import type { IngestOptions } from './build-index.ts';
import type { IngestLog } from './progress.ts';

/** Names the tokenizer in the manifest; bump it when tokenisation changes so old indexes rebuild. */
export const TOKENIZER_NAME = 'jieba-search-hmm-v1';

/** Ingest options from the validated configuration; callers add progress and flags. */
export function ingestOptionsFromConfig(config: Config, log: IngestLog, tokenizer: Tokenizer = new JiebaTokenizer()): IngestOptions {
  return {
    seedsDir: config.SEEDS_DIR,
    indexDir: config.INDEX_DIR,
    chunking: { maxChars: config.CHUNK_SIZE, overlapSentences: config.CHUNK_OVERLAP_SENTENCES },
    segmentSize: config.INDEX_SEGMENT_CHUNKS,
    vectorSegmentSize: config.VECTOR_SEGMENT_CHUNKS,
    workers: config.INGEST_WORKERS,
    tokenizer,
    tokenizerName: TOKENIZER_NAME,
    embedder: describeEmbedder(config),
    createEmbeddings: (stats) => createEmbeddings(config, tokenizer, stats),
    log,
  };
}
