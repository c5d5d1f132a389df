import type { Hnsw, VectorHit } from './vector-store.ts';

/**
 * Graphs of at most this many values (points × dimensions) are searched exactly, in JavaScript: on the seed's
 * 33 points of 256 dimensions a call into the graph cost ~70 µs (converting the query and the results), a scan
 * ~20 µs; a scan grows with the values, the call hardly.
 */
export const EXACT_SEARCH_MAX_VALUES = 256 * 256;

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

  /**
   * The `k` most similar points by cosine similarity, ties in label order. Exact and in double precision, so
   * points hnswlib's single-precision distances would tie may come in another order.
   */
  search(query: readonly number[], k: number): VectorHit[] {
    const { labels, points, dimensions } = this;
    if (query.length !== dimensions) throw new Error(`Invalid the given array length (expected ${dimensions}, but got ${query.length}).`);
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
