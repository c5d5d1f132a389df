import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import { LocalEmbeddingStats } from '../embeddings/local-stats.ts';
import { Bm25Index } from './bm25-index.ts';
import { Bm25Segment } from './bm25-segment.ts';
import { CHUNK_TABLE_FILE, CHUNKS_FILE, ChunkStore } from './chunk-store.ts';
import { checksumVersion, verifyChecksums } from './integrity.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { OriginalStore } from './original-store.ts';
import { HnswVectorStore } from './vector-store.ts';
import { currentVersionDir } from './versions.ts';

export const bm25File = (segment: number) => `bm25-${segment}.bin`;
export const EMBEDDER_STATS_FILE = 'embedder-stats.bin';

/** Everything a query needs, read from one published version. */
export interface LoadedIndex {
  directory: string;
  manifest: Manifest;
  chunks: ChunkStore;
  bm25: Bm25Index;
  /** Null for embedders that need no corpus statistics. */
  embedderStats: LocalEmbeddingStats | null;
  originals: OriginalStore;
  /** Opens the vector store once the caller has an embedder that matches the manifest. */
  openVectors(embeddings: EmbeddingsInterface): Promise<HnswVectorStore>;
  /** Releases the open files; the index must not be read afterwards. */
  close(): void;
}

/** The folder of the published version of `indexDir`. */
export async function publishedVersionDir(indexDir: string): Promise<string> {
  const directory = await currentVersionDir(indexDir);
  if (!directory) throw new AppError('INDEX_MISSING', `No index in ${indexDir}: run "npm run ingest" first`);
  return directory;
}

/** The published version of `indexDir`. */
export async function loadIndex(indexDir: string): Promise<LoadedIndex> {
  return loadVersion(await publishedVersionDir(indexDir));
}

/**
 * One version folder, published or not (a server loads a new version beside the one it serves). Its files are
 * hashed in a worker thread started before the first await, so the caller can do other work meanwhile.
 */
export async function loadVersion(directory: string): Promise<LoadedIndex> {
  const hashing = checksumVersion(directory);
  const manifest = await readManifest(directory);
  if (manifest.checksums) await verifyChecksums(directory, manifest.checksums, hashing);
  else hashing.catch(() => undefined);
  try {
    const [chunks, bm25, embedderStats, originals] = await Promise.all([
      ChunkStore.open(join(directory, CHUNKS_FILE), join(directory, CHUNK_TABLE_FILE)),
      Promise.all(Array.from({ length: manifest.segments.count }, (_, i) => Bm25Segment.load(join(directory, bm25File(i))))).then((segments) => new Bm25Index(segments)),
      manifest.embedder.kind.startsWith('local') ? LocalEmbeddingStats.load(join(directory, EMBEDDER_STATS_FILE)) : null,
      OriginalStore.open(directory),
    ]);
    if (chunks.size !== manifest.counts.chunks || bm25.documentCount !== chunks.size) {
      throw new Error(`chunk counts disagree (manifest ${manifest.counts.chunks}, chunks ${chunks.size}, bm25 ${bm25.documentCount})`);
    }
    return {
      directory,
      manifest,
      chunks,
      bm25,
      embedderStats,
      originals,
      close: () => {
        chunks.close();
        bm25.close();
        originals.close();
      },
      openVectors: (embeddings) =>
        HnswVectorStore.open(directory, { dimensions: manifest.embedder.dimensions, segments: manifest.vectorSegments.count, segmentSize: manifest.vectorSegments.size }, embeddings, (label) => chunks.document(label)).catch(
          (cause: unknown) => {
            throw damagedIndex(directory, cause);
          },
        ),
    };
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw damagedIndex(directory, cause);
  }
}

function damagedIndex(directory: string, cause: unknown): AppError {
  return new AppError('INDEX_CORRUPT', `The index in ${directory} cannot be read (${(cause as Error).message}): run "npm run ingest" to rebuild it`, { cause });
}
