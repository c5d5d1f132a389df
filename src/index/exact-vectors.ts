import type { Hnsw, VectorHit } from './vector-store.ts';

/**
 * Graphs of at most this many points are searched exactly, in JavaScript: a call into the graph costs
 * ~70 µs on such a graph (converting the query and the results), a scan of 256 points of 256 dimensions less.
 */
export const EXACT_SEARCH_MAX = 256;

/**
 * A small graph's points copied out once (as hnswlib stores them in cosine space: unit length), searched
 * exactly. Hand-written: a dot product per point, nothing a package would add.
 */
export class ExactVectors {
  private constructor(
    private readonly labels: Int32Array,
    private readonly points: Float32Array,
    private readonly dimensions: number,
  ) {}

  static of(graph: Hnsw): ExactVectors {
    const labels = Int32Array.from(graph.getIdsList());
    const dimensions = graph.getNumDimensions();
    const points = new Float32Array(labels.length * dimensions);
    labels.forEach((label, i) => points.set(graph.getPoint(label), i * dimensions));
    return new ExactVectors(labels, points, dimensions);
  }

  get size(): number {
    return this.labels.length;
  }

  /** The `k` most similar points by cosine similarity. */
  search(query: readonly number[], k: number): VectorHit[] {
    const { labels, points, dimensions } = this;
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += query[d]! * query[d]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const hits: VectorHit[] = [];
    for (let i = 0; i < labels.length; i++) {
      let dot = 0;
      const offset = i * dimensions;
      for (let d = 0; d < dimensions; d++) dot += query[d]! * points[offset + d]!;
      hits.push({ label: labels[i]!, similarity: dot * scale });
    }
    return hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label).slice(0, k);
  }
}
