import type { Embeddings } from '@langchain/core/embeddings';
import { join } from 'node:path';
import { readFeatureSpill } from '../embeddings/feature-spill.ts';
import type { FeatureCounts } from '../embeddings/local.ts';
import { LocalHashEmbeddings } from '../embeddings/local.ts';
import { readChunks } from '../index/chunk-store.ts';
import { createHnsw, vectorsFile, type Hnsw } from '../index/vector-store.ts';
import type { PreviousIndex } from './previous-index.ts';
import type { IngestProgress } from './progress.ts';
import { searchText } from './search-text.ts';

export interface EmbedPlan {
  staging: string;
  chunksFile: string;
  /** Features of the new chunks, in order, when the embedder is local. */
  spillFile: string | null;
  total: number;
  segmentSize: number;
  dimensions: number | null;
  embeddings: Embeddings;
  previous: PreviousIndex | null;
  /** New label → old label, for chunks whose vectors are carried over. */
  reusedFrom: Map<number, number>;
  batchSize: number;
  progress: IngestProgress;
  onProgress?(progress: IngestProgress): void;
}

/**
 * Second pass: a vector for every chunk, one graph per segment, each written and released before the
 * next. Reused chunks keep their previous vectors; new ones are embedded in batches.
 */
export async function embedVectors(plan: EmbedPlan): Promise<{ dimensions: number; segments: number }> {
  const { total, segmentSize, embeddings, progress } = plan;
  const features = plan.spillFile ? readFeatureSpill(plan.spillFile)[Symbol.asyncIterator]() : null;
  // An empty previous index says nothing about a remote model's size: only one with vectors does.
  const previousDimensions = plan.previous?.index.chunks.size ? plan.previous.vectors.segments[0]?.getNumDimensions() : undefined;
  let dimensions = plan.dimensions ?? previousDimensions ?? null;
  let graph: Hnsw | null = null;
  let segment = 0;
  let pending: { label: number; text: string; features?: FeatureCounts }[] = [];

  const graphFor = (dims: number): Hnsw => (graph ??= createHnsw(dims, Math.min(segmentSize, total - segment * segmentSize)));
  const closeSegment = async () => {
    if (!graph) return;
    await graph.writeIndex(join(plan.staging, vectorsFile(segment)));
    graph = null;
    segment++;
  };
  const flush = async () => {
    if (!pending.length) return;
    const vectors =
      embeddings instanceof LocalHashEmbeddings && pending[0]!.features
        ? pending.map((p) => embeddings.vectorFromFeatures(p.features!))
        : await embeddings.embedDocuments(pending.map((p) => p.text));
    dimensions ??= vectors[0]!.length;
    vectors.forEach((vector, i) => graphFor(dimensions!).addPoint(vector, pending[i]!.label));
    progress.embedded += pending.length;
    plan.onProgress?.(progress);
    pending = [];
  };

  let label = 0;
  for await (const chunk of readChunks(plan.chunksFile)) {
    const old = plan.reusedFrom.get(label);
    if (old !== undefined) {
      await flush();
      const vector = plan.previous!.vectors.vectorOf(old);
      dimensions ??= vector.length;
      graphFor(dimensions).addPoint(vector, label);
      progress.embedded++;
    } else {
      const next = features ? await features.next() : null;
      pending.push({ label, text: searchText(chunk), ...(next && !next.done ? { features: next.value } : {}) });
      if (pending.length >= plan.batchSize) await flush();
    }
    label++;
    if (label % segmentSize === 0) {
      await flush();
      await closeSegment();
    }
  }
  await flush();
  await features?.return?.(undefined);
  // An empty corpus still gets one (empty) segment, so the index has the same shape as any other.
  if (segment === 0) graphFor(dimensions ?? 1);
  await closeSegment();
  return { dimensions: dimensions ?? 1, segments: segment };
}
