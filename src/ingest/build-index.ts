import type { Embeddings } from '@langchain/core/embeddings';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chunkDocument, type ChunkOptions } from '../chunking/chunker.ts';
import type { EmbedderDescriptor } from '../embeddings/factory.ts';
import { LocalHashEmbeddings } from '../embeddings/local.ts';
import { LocalEmbeddingStats } from '../embeddings/local-stats.ts';
import { Bm25Builder } from '../index/bm25-index.ts';
import { CHUNKS_FILE, ChunkWriter, readChunks } from '../index/chunk-store.ts';
import { BM25_FILE, EMBEDDER_STATS_FILE } from '../index/loaded-index.ts';
import { FORMAT_VERSION, writeManifest, type Manifest } from '../index/manifest.ts';
import { OriginalWriter } from '../index/original-store.ts';
import { createHnsw, VECTORS_FILE } from '../index/vector-store.ts';
import { acquireIngestLock, createStagingDir, publishVersion } from '../index/versions.ts';
import { normaliseForMatch } from '../text/normalise.ts';
import type { ChunkRecord, Tokenizer } from '../types.ts';
import { openPreviousIndex, type PreviousIndex } from './previous-index.ts';
import type { IngestLog, IngestProgress, IngestReport } from './progress.ts';
import { readDocument } from './read-document.ts';
import { contentHash, scanSeeds } from './scan.ts';
import { searchText } from './search-text.ts';
import { withBigrams } from '../retrieval/search-terms.ts';

export interface IngestOptions {
  seedsDir: string;
  indexDir: string;
  chunking: ChunkOptions;
  tokenizer: Tokenizer;
  tokenizerName: string;
  embedder: EmbedderDescriptor;
  /** Builds the embedder; local embedders get the corpus statistics gathered while reading. */
  createEmbeddings(stats: LocalEmbeddingStats): Embeddings;
  /** Ignore the previous index and rebuild everything. */
  full?: boolean;
  embedBatchSize?: number;
  onProgress?(progress: IngestProgress): void;
  log: IngestLog;
}

/** Terms of a chunk and, for the local embedder, its feature slots: one tokenisation serves both. */
function analyse(chunk: Pick<ChunkRecord, 'section' | 'text'>, tokenizer: Tokenizer, embeddings: Embeddings) {
  const normalised = normaliseForMatch(searchText(chunk));
  const words = tokenizer.tokenize(normalised);
  const slots = embeddings instanceof LocalHashEmbeddings ? embeddings.slots(embeddings.featuresFromTerms(words, normalised)) : null;
  return { terms: withBigrams(words, normalised), slots };
}

/**
 * Reads the seeds, reuses what did not change since the previous index, and publishes a new version
 * atomically. Holds one document at a time plus the postings; chunk texts stream to disk.
 */
export async function buildIndex(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const { tokenizer, log } = options;
  const release = await acquireIngestLock(options.indexDir);
  try {
    const files = await scanSeeds(options.seedsDir);
    const probeEmbeddings = options.createEmbeddings(new LocalEmbeddingStats());
    const previous: PreviousIndex | null = options.full
      ? null
      : await openPreviousIndex(options.indexDir, { embedder: options.embedder, chunking: options.chunking, tokenizer: options.tokenizerName, embeddings: probeEmbeddings }, log);
    const stats = previous?.index.embedderStats?.clone() ?? new LocalEmbeddingStats();
    const embeddings = options.createEmbeddings(stats);
    const staging = await createStagingDir(options.indexDir);

    const report: IngestReport = { added: [], changed: [], removed: [], unchanged: [], skipped: [], chunks: 0, embeddedChunks: 0, bytes: 0, seconds: 0, versionDir: '' };
    const manifestFiles: Manifest['files'] = {};
    const bm25 = new Bm25Builder();
    const chunkWriter = new ChunkWriter(join(staging, CHUNKS_FILE));
    const originals = new OriginalWriter(staging);
    const reusedFrom = new Map<number, number>(); // new label → old label
    const oldToNew = new Map<number, number>();
    const progress: IngestProgress = { phase: 'read', filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal: files.reduce((s, f) => s + f.bytes, 0), chunks: 0, embedded: 0 };

    const forget = (source: string) => {
      for (const label of previous?.labelsBySource.get(source) ?? []) {
        const { slots } = analyse(previous!.index.chunks.at(label)!, tokenizer, embeddings);
        if (slots) stats.observe(slots, -1);
      }
    };

    // Reading the next file overlaps with processing this one.
    let next = files[0] ? readFile(files[0].path) : null;
    for (const [i, file] of files.entries()) {
      const bytes = await next!;
      next = files[i + 1] ? readFile(files[i + 1]!.path) : null;
      const hash = contentHash(bytes);
      const before = previous?.index.manifest.files[file.source];
      if (before && before.hash === hash) {
        for (const oldLabel of previous!.labelsBySource.get(file.source) ?? []) {
          const label = await chunkWriter.append(previous!.index.chunks.at(oldLabel)!);
          bm25.addDocumentPostings(previous!.index.bm25.lengths[oldLabel]!);
          reusedFrom.set(label, oldLabel);
          oldToNew.set(oldLabel, label);
        }
        await originals.write(file.source, (await previous!.index.originals.read(file.source)) ?? '');
        manifestFiles[file.source] = before;
        report.unchanged.push(file.source);
      } else {
        const read = readDocument(file.source, bytes);
        if (!read.ok) {
          log.warn(`Skipping ${file.source}: ${read.reason}`);
          report.skipped.push({ source: file.source, reason: read.reason });
        } else {
          if (before) forget(file.source);
          const chunks = chunkDocument(read.document, options.chunking);
          for (const chunk of chunks) {
            const { terms, slots } = analyse(chunk, tokenizer, embeddings);
            bm25.addDocument(terms);
            if (slots) stats.observe(slots);
            await chunkWriter.append(chunk);
          }
          await originals.write(file.source, read.document.text);
          manifestFiles[file.source] = { hash, bytes: file.bytes, encoding: read.encoding, chunks: chunks.length };
          (before ? report.changed : report.added).push(file.source);
        }
      }
      progress.filesDone++;
      progress.bytesDone += file.bytes;
      progress.chunks = chunkWriter.count;
      options.onProgress?.(progress);
    }
    for (const source of Object.keys(previous?.index.manifest.files ?? {})) {
      if (!manifestFiles[source]) {
        forget(source);
        if (!report.skipped.some((s) => s.source === source)) report.removed.push(source);
      }
    }
    previous?.index.bm25.forEachPosting((old) => oldToNew.get(old), (term, doc, tf) => bm25.addPosting(term, doc, tf));
    await chunkWriter.close();
    await originals.close();
    const total = chunkWriter.count;
    const bm25Index = bm25.build();

    progress.phase = 'embed';
    options.onProgress?.(progress);
    const dimensions = await embedAll(join(staging, CHUNKS_FILE), staging, total, embeddings, previous, reusedFrom, options, progress);
    report.embeddedChunks = total - reusedFrom.size;

    progress.phase = 'write';
    options.onProgress?.(progress);
    await bm25Index.save(join(staging, BM25_FILE));
    if (embeddings instanceof LocalHashEmbeddings) await stats.save(join(staging, EMBEDDER_STATS_FILE));
    const totalBytes = Object.values(manifestFiles).reduce((s, f) => s + f.bytes, 0);
    await writeManifest(staging, {
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      embedder: { ...options.embedder, dimensions },
      tokenizer: options.tokenizerName,
      chunking: { maxChars: options.chunking.maxChars, overlapSentences: options.chunking.overlapSentences },
      files: manifestFiles,
      skipped: report.skipped,
      counts: { files: Object.keys(manifestFiles).length, chunks: total, terms: bm25Index.terms.length, bytes: totalBytes },
    });
    report.versionDir = await publishVersion(options.indexDir, staging);
    report.chunks = total;
    report.bytes = progress.bytesTotal;
    report.seconds = (performance.now() - started) / 1000;
    return report;
  } finally {
    await release();
  }
}

/** Second pass: vectors for every chunk, copied from the previous index when the chunk was reused. */
async function embedAll(
  chunksFile: string,
  staging: string,
  total: number,
  embeddings: Embeddings,
  previous: PreviousIndex | null,
  reusedFrom: Map<number, number>,
  options: IngestOptions,
  progress: IngestProgress,
): Promise<number> {
  const batchSize = options.embedBatchSize ?? 256;
  let hnsw: ReturnType<typeof createHnsw> | null = options.embedder.dimensions ? createHnsw(options.embedder.dimensions, total) : null;
  let pending: { label: number; text: string }[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const vectors = await embeddings.embedDocuments(pending.map((p) => p.text));
    hnsw ??= createHnsw(vectors[0]!.length, total);
    vectors.forEach((vector, i) => hnsw!.addPoint(vector, pending[i]!.label));
    progress.embedded += pending.length;
    options.onProgress?.(progress);
    pending = [];
  };
  let label = 0;
  for await (const chunk of readChunks(chunksFile)) {
    const old = reusedFrom.get(label);
    if (old !== undefined) {
      hnsw ??= createHnsw(previous!.vectors.dimensions, total);
      hnsw.addPoint(previous!.vectors.index.getPoint(old), label);
      progress.embedded++;
    } else {
      pending.push({ label, text: searchText(chunk) });
      if (pending.length >= batchSize) await flush();
    }
    label++;
  }
  await flush();
  hnsw ??= createHnsw(options.embedder.dimensions ?? 1, 0);
  await hnsw.writeIndex(join(staging, VECTORS_FILE));
  return hnsw.getNumDimensions();
}
