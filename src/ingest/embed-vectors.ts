import type { Embeddings } from '@langchain/core/embeddings';
import { join } from 'node:path';
import { readFeatureSpill } from '../embeddings/feature-spill.ts';
import { LocalHashEmbeddings } from '../embeddings/local.ts';
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
  /** Build each graph in a worker thread while this one computes the vectors (else on this thread). */
  graphWorker: boolean;
  progress: IngestProgress;
  onProgress?(progress: IngestProgress): void;
}

/**
 * Second pass: a vector for every chunk, one graph per segment, each written and released before the next
 * (two at once measured no faster and 50-70 MB larger). Reused chunks keep their previous vectors; new ones
 * come from the spilled features (local embedder) or are embedded in batches from their text.
 */
export async function embedVectors(plan: EmbedPlan): Promise<{ dimensions: number; segments: number }> {
  const { total, segmentSize, embeddings, progress } = plan;
  const features = plan.spillFile ? readFeatureSpill(plan.spillFile)[Symbol.asyncIterator]() : null;
  // Texts are read only for an embedder that needs them: the local one has its features.
  const texts = features ? null : readChunks(plan.chunksFile)[Symbol.asyncIterator]();
  // An empty previous index says nothing about a remote model's size: only one with vectors does.
  const previousDimensions = plan.previous?.index.chunks.size ? plan.previous.vectors.segments[0]?.getNumDimensions() : undefined;
  let dimensions = plan.dimensions ?? previousDimensions ?? null;
  const open = plan.graphWorker ? workerGraph : inThreadGraph;
  const opened: SegmentGraph[] = [];
  let finishing: Promise<void> | null = null;
  let graph: SegmentGraph | null = null;
  let segment = 0;
  /** Texts waiting for a remote embedder, which takes them in batches. */
  let pending: { label: number; text: string }[] = [];
  // The local embedder writes each vector into this one array as its spilled features are read.
  const local = features && embeddings instanceof LocalHashEmbeddings ? { embeddings, vector: new Float64Array(embeddings.dimensions) } : null;

  const openSegment = async (dims: number) => {
    await finishing;
    const opening = open(join(plan.staging, vectorsFile(segment)), dims, Math.min(segmentSize, total - segment * segmentSize));
    opened.push(opening);
    return opening;
  };
  const add = async (vector: ArrayLike<number>, label: number) => {
    dimensions ??= vector.length;
    graph ??= await openSegment(dimensions);
    await graph.add(vector, label);
    if (++progress.embedded % plan.batchSize === 0) plan.onProgress?.(progress);
  };
  const closeSegment = () => {
    if (!graph) return;
    finishing = graph.finish();
    // Awaited by the next segment or at the end; this only keeps an early failure from surfacing as unhandled.
    finishing.catch(() => undefined);
    graph = null;
    segment++;
  };
  const flush = async () => {
    if (!pending.length) return;
    const vectors = await embeddings.embedDocuments(pending.map((p) => p.text));
    for (const [i, vector] of vectors.entries()) await add(vector, pending[i]!.label);
    pending = [];
  };

  try {
    for (let label = 0; label < total; label++) {
      const chunk = texts ? (await texts.next()).value : null;
      const old = plan.reusedFrom.get(label);
      if (old !== undefined) {
        await flush();
        await add(plan.previous!.vectors.vectorOf(old), label);
      } else if (local) {
        const next = await features!.next();
        if (next.done) throw new Error(`${plan.spillFile}: fewer feature records than new chunks`);
        local.embeddings.writeVector(next.value, local.vector);
        await add(local.vector, label);
      } else {
        pending.push({ label, text: searchText(chunk!) });
        if (pending.length >= plan.batchSize) await flush();
      }
      if ((label + 1) % segmentSize === 0) {
        await flush();
        closeSegment();
      }
    }
    await flush();
    plan.onProgress?.(progress);
    // An empty corpus still gets one (empty) segment, so the index has the same shape as any other.
    if (segment === 0) graph ??= await openSegment(dimensions ?? 1);
    closeSegment();
    await finishing;
  } finally {
    // After a failure, graphs still being built are stopped; after success this finds them all finished.
    await Promise.all(opened.map((g) => g.abandon()));
    await features?.return?.(undefined);
    await texts?.return?.(undefined);
  }
  return { dimensions: dimensions ?? 1, segments: segment };
}
