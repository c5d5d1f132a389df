import { loadIndex, type LoadedIndex } from '../index/loaded-index.ts';
import type { Manifest } from '../index/manifest.ts';
import type { HnswVectorStore } from '../index/vector-store.ts';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { embedderMismatch, type EmbedderDescriptor } from '../embeddings/factory.ts';
import type { ChunkOptions } from '../chunking/chunker.ts';
import { HEADING_RULES } from '../chunking/headings.ts';
import type { IngestLog } from './progress.ts';

/** The published index an incremental ingest reuses chunks, postings and vectors from. */
export interface PreviousIndex {
  index: LoadedIndex;
  vectors: HnswVectorStore;
  /** Chunk numbers of each source, in order. */
  labelsBySource: Map<string, number[]>;
}

/** Null when `manifest` was built with these settings, else what differs: an index built otherwise is rebuilt, not reused. */
export function settingsMismatch(manifest: Manifest, { embedder, chunking, tokenizer }: { embedder: EmbedderDescriptor; chunking: ChunkOptions; tokenizer: string }): string | null {
  if (manifest.tokenizer !== tokenizer) return `the tokenizer changed (${manifest.tokenizer} → ${tokenizer})`;
  if (manifest.chunking.maxChars !== chunking.maxChars || manifest.chunking.overlapSentences !== chunking.overlapSentences) {
    return 'the chunking settings changed';
  }
  if (manifest.chunking.headingRules !== HEADING_RULES) return 'the heading rules changed';
  return embedderMismatch(manifest.embedder, embedder);
}

/** A damaged index is repaired by the ingest under way: nothing is carried over from it. */
function notReusable(error: unknown, log: IngestLog): void {
  if ((error as { code?: string }).code !== 'INDEX_MISSING') log.warn(`Previous index not reusable (${(error as Error).message}); building from scratch`);
}

/** Null when there is nothing to reuse; a full rebuild follows, and the log says why. */
export async function openPreviousIndex(
  indexDir: string,
  wanted: { embedder: EmbedderDescriptor; chunking: ChunkOptions; tokenizer: string; embeddings: EmbeddingsInterface },
  log: IngestLog,
): Promise<PreviousIndex | null> {
  let index: LoadedIndex;
  try {
    index = await loadIndex(indexDir);
  } catch (error) {
    notReusable(error, log);
    return null;
  }
  const blocker = settingsMismatch(index.manifest, wanted);
  if (blocker) {
    index.close();
    log.info(`Rebuilding everything: ${blocker}`);
    return null;
  }
  let vectors: HnswVectorStore;
  try {
    vectors = await index.openVectors(wanted.embeddings);
  } catch (error) {
    index.close();
    notReusable(error, log);
    return null;
  }
  const labelsBySource = new Map<string, number[]>();
  for (let label = 0; label < index.chunks.size; label++) {
    const source = index.chunks.sourceOf(label)!;
    const labels = labelsBySource.get(source);
    if (labels) labels.push(label);
    else labelsBySource.set(source, [label]);
  }
  return { index, vectors, labelsBySource };
}
