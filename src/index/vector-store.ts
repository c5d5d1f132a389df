import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { join } from 'node:path';
import { EXACT_SEARCH_MAX_VALUES, ExactVectors } from './exact-vectors.ts';

const { HierarchicalNSW } = hnswlib;
export type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** How graphs are built: links per point, build breadth, and a fixed seed so that a build is reproducible. */
export const HNSW_BUILD = { m: 16, efConstruction: 32, randomSeed: 100 };
/**
 * Search breadth per graph. The hashed TF-IDF vectors are hard for HNSW: on a 65,536-chunk graph, recall of
 * the exact top 50 is 0.39 at breadth 50, 0.71 at 200 and 0.91 at 800 (BENCHMARKS.md).
 */
const EF_SEARCH = 200;

export const vectorsFile = (segment: number) => `vectors-${segment}.hnsw`;

export interface VectorHit {
  label: number;
  similarity: number;
}

/** Empty graph for `capacity` points, cosine space. */
export function createHnsw(dimensions: number, capacity: number): Hnsw {
  const index = new HierarchicalNSW('cosine', dimensions);
  index.initIndex({ maxElements: Math.max(1, capacity), ...HNSW_BUILD });
  return index;
}

const isZero = (vector: readonly number[]) => vector.every((v) => v === 0);

/**
 * LangChain's VectorStore over hnswlib-node, thinner than `@langchain/community`'s HNSWLib (which pulls
 * in a hundred packages). Labels are chunk numbers; each segment of `segmentSize` chunks has its own
 * graph, so ingest holds one graph at a time; documents come from the chunk store.
 */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (doc: DocumentInterface) => boolean;
  private readonly added = new Map<number, DocumentInterface>();

  constructor(
    embeddings: EmbeddingsInterface,
    readonly segments: Hnsw[],
    readonly segmentSize: number,
    private readonly documentAt: (label: number) => DocumentInterface | undefined = () => undefined,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  static async open(
    directory: string,
    layout: { dimensions: number; segments: number; segmentSize: number },
    embeddings: EmbeddingsInterface,
    documentAt: (label: number) => DocumentInterface | undefined,
  ): Promise<HnswVectorStore> {
    // Graphs are read off the main thread, several at once.
    const segments = await Promise.all(
      Array.from({ length: layout.segments }, async (_, i) => {
        const index = new HierarchicalNSW('cosine', layout.dimensions);
        await index.readIndex(join(directory, vectorsFile(i)));
        return index;
      }),
    );
    return new HnswVectorStore(embeddings, segments, layout.segmentSize, documentAt);
  }

  async save(directory: string): Promise<void> {
    for (const [i, segment] of this.segments.entries()) await segment.writeIndex(join(directory, vectorsFile(i)));
  }

  /** The stored vector of a chunk (to carry it into a new index version). */
  vectorOf(label: number): number[] {
    return this.segments[Math.min(Math.floor(label / this.segmentSize), this.segments.length - 1)]!.getPoint(label);
  }

  /** Nearest labels by cosine similarity over all segments; nothing for an all-zero query (no words). */
  searchVector(vector: readonly number[], k: number): VectorHit[] {
    if (isZero(vector)) return [];
    const hits: VectorHit[] = [];
    const query = [...vector];
    for (const segment of this.segments) {
      const count = segment.getCurrentCount();
      if (!count) continue;
      const n = Math.min(k, count);
      if (count * segment.getNumDimensions() <= EXACT_SEARCH_MAX_VALUES) {
        hits.push(...this.exactOf(segment, count).search(query, n));
        continue;
      }
      segment.setEf(Math.max(EF_SEARCH, n));
      const { neighbors, distances } = segment.searchKnn(query, n);
      neighbors.forEach((label, i) => hits.push({ label, similarity: 1 - distances[i]! }));
    }
    return hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label).slice(0, k);
  }

  /** Small graphs' points, copied out on first search and again when the graph has grown. */
  private readonly exact = new WeakMap<Hnsw, ExactVectors>();

  private exactOf(segment: Hnsw, count: number): ExactVectors {
    let exact = this.exact.get(segment);
    if (!exact || exact.size !== count) this.exact.set(segment, (exact = ExactVectors.of(segment)));
    return exact;
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    if (!this.segments.length) this.segments.push(createHnsw(vectors[0]?.length ?? 1, vectors.length));
    const last = this.segments.at(-1)!;
    const start = (this.segments.length - 1) * this.segmentSize + last.getCurrentCount();
    if (last.getCurrentCount() + vectors.length > last.getMaxElements()) last.resizeIndex(last.getCurrentCount() + vectors.length);
    vectors.forEach((vector, i) => {
      last.addPoint(vector, start + i);
      this.added.set(start + i, documents[i]!);
    });
    return vectors.map((_, i) => String(start + i));
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    return this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    const out: [DocumentInterface, number][] = [];
    for (const { label, similarity } of this.searchVector(query, filter ? k * 4 : k)) {
      const doc = this.added.get(label) ?? this.documentAt(label) ?? new Document({ pageContent: '', metadata: { label } });
      if (!filter || filter(doc)) out.push([doc, similarity]);
    }
    return out.slice(0, k);
  }
}
