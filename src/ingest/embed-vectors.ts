import type { Embeddings } from '@langchain/core/embeddings';
import { join } from 'node:path';
import { readFeatureSpill } from '../embeddings/feature-spill.ts';
import { LocalHashEmbeddings, type PackedFeatures } from '../embeddings/local.ts';
import { readChunks } from '../index/chunk-store.ts';
import { vectorsFile } from '../index/vector-store.ts';
import type { PreviousIndex } from './previous-index.ts';
import type { IngestProgress } from './progress.ts';
import { searchText } from './search-text.ts';
import { inThreadGraph, workerGraph, type SegmentGraph } from './segment-graphs.ts';

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
  /** Graphs built at once, each in a worker thread; 0 builds them one by one on this thread. */
  graphThreads: number;
  progress: IngestProgress;
  onProgress?(progress: IngestProgress): void;
}

/**
 * Second pass: a vector for every chunk, one graph per segment. Reused chunks keep their previous vectors;
 * new ones come from the spilled features (local embedder) or are embedded in batches from their text.
 * At most `graphThreads` graphs (at least one) are held at a time.
 */
export async function embedVectors(plan: EmbedPlan): Promise<{ dimensions: number; segments: number }> {
  const { total, segmentSize, embeddings, progress } = plan;
  const features = plan.spillFile ? readFeatureSpill(plan.spillFile)[Symbol.asyncIterator]() : null;
  // Texts are read only for an embedder that needs them: the local one has its features.
  const texts = features ? null : readChunks(plan.chunksFile)[Symbol.asyncIterator]();
  // An empty previous index says nothing about a remote model's size: only one with vectors does.
  const previousDimensions = plan.previous?.index.chunks.size ? plan.previous.vectors.segments[0]?.getNumDimensions() : undefined;
  let dimensions = plan.dimensions ?? previousDimensions ?? null;
  const open = plan.graphThreads > 0 ? workerGraph : inThreadGraph;
  const opened: SegmentGraph[] = [];
  const finishing: Promise<void>[] = [];
  let graph: SegmentGraph | null = null;
  let segment = 0;
  let pending: { label: number; text: string; features?: PackedFeatures }[] = [];

  const openSegment = async (dims: number) => {
    while (finishing.length >= Math.max(1, plan.graphThreads)) await finishing.shift();
    const opening = open(join(plan.staging, vectorsFile(segment)), dims, Math.min(segmentSize, total - segment * segmentSize));
    opened.push(opening);
    return opening;
  };
  const add = async (vector: readonly number[], label: number) => {
    dimensions ??= vector.length;
    graph ??= await openSegment(dimensions);
    await graph.add(vector, label);
  };
  const closeSegment = () => {
    if (!graph) return;
    const written = graph.finish();
    // Awaited below or at the end; this only keeps an early failure from surfacing as unhandled.
    written.catch(() => undefined);
    finishing.push(written);
    graph = null;
    segment++;
  };
  const flush = async () => {
    if (!pending.length) return;
    const vectors =
      embeddings instanceof LocalHashEmbeddings && pending[0]!.features
        ? pending.map((p) => embeddings.vectorFromFeatures(p.features!))
        : await embeddings.embedDocuments(pending.map((p) => p.text));
    for (const [i, vector] of vectors.entries()) await add(vector, pending[i]!.label);
    progress.embedded += pending.length;
    plan.onProgress?.(progress);
    pending = [];
  };

  try {
    for (let label = 0; label < total; label++) {
      const chunk = texts ? (await texts.next()).value : null;
      const old = plan.reusedFrom.get(label);
      if (old !== undefined) {
        await flush();
        await add(plan.previous!.vectors.vectorOf(old), label);
        progress.embedded++;
      } else {
        const next = features ? await features.next() : null;
        pending.push({ label, text: chunk ? searchText(chunk) : '', ...(next && !next.done ? { features: next.value } : {}) });
        if (pending.length >= plan.batchSize) await flush();
      }
      if ((label + 1) % segmentSize === 0) {
        await flush();
        closeSegment();
      }
    }
    await flush();
    // An empty corpus still gets one (empty) segment, so the index has the same shape as any other.
    if (segment === 0) graph ??= await openSegment(dimensions ?? 1);
    closeSegment();
    await Promise.all(finishing);
  } finally {
    // After a failure, graphs still being built are stopped; after success this finds them all finished.
    await Promise.all(opened.map((g) => g.abandon()));
    await features?.return?.(undefined);
    await texts?.return?.(undefined);
  }
  return { dimensions: dimensions ?? 1, segments: segment };
}
