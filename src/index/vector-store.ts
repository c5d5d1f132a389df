import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { join } from 'node:path';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export const VECTORS_FILE = 'vectors.hnsw';
const M = 16;
const EF_CONSTRUCTION = 100;
const EF_SEARCH_MIN = 100;

export interface VectorHit {
  label: number;
  similarity: number;
}

/** Empty graph for `capacity` points, cosine space. */
export function createHnsw(dimensions: number, capacity: number): Hnsw {
  const index = new HierarchicalNSW('cosine', dimensions);
  index.initIndex({ maxElements: Math.max(1, capacity), m: M, efConstruction: EF_CONSTRUCTION, randomSeed: 100 });
  return index;
}

function isZero(vector: readonly number[]): boolean {
  return vector.every((v) => v === 0);
}

/**
 * LangChain's VectorStore over hnswlib-node, thinner than `@langchain/community`'s HNSWLib (which pulls
 * in a hundred packages): labels are chunk numbers and documents come from the chunk store.
 */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (doc: DocumentInterface) => boolean;
  private readonly added: DocumentInterface[] = [];

  constructor(
    embeddings: EmbeddingsInterface,
    readonly index: Hnsw,
    private readonly documentAt: (label: number) => DocumentInterface | undefined = () => undefined,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  get dimensions(): number {
    return this.index.getNumDimensions();
  }

  static async open(directory: string, dimensions: number, embeddings: EmbeddingsInterface, documentAt: (label: number) => DocumentInterface | undefined): Promise<HnswVectorStore> {
    const index = new HierarchicalNSW('cosine', dimensions);
    await index.readIndex(join(directory, VECTORS_FILE));
    return new HnswVectorStore(embeddings, index, documentAt);
  }

  async save(directory: string): Promise<void> {
    await this.index.writeIndex(join(directory, VECTORS_FILE));
  }

  /** Nearest labels by cosine similarity; nothing for an all-zero query (only stop words). */
  searchVector(vector: readonly number[], k: number): VectorHit[] {
    const count = this.index.getCurrentCount();
    if (count === 0 || isZero(vector)) return [];
    const n = Math.min(k, count);
    this.index.setEf(Math.max(EF_SEARCH_MIN, n));
    const { neighbors, distances } = this.index.searchKnn([...vector], n);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    const start = this.index.getCurrentCount();
    if (start + vectors.length > this.index.getMaxElements()) this.index.resizeIndex(start + vectors.length);
    vectors.forEach((vector, i) => {
      this.index.addPoint(vector, start + i);
      this.added[start + i] = documents[i]!;
    });
    return vectors.map((_, i) => String(start + i));
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    return this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    const out: [DocumentInterface, number][] = [];
    for (const { label, similarity } of this.searchVector(query, filter ? k * 4 : k)) {
      const doc = this.added[label] ?? this.documentAt(label) ?? new Document({ pageContent: '', metadata: { label } });
      if (!filter || filter(doc)) out.push([doc, similarity]);
    }
    return out.slice(0, k);
  }
}
