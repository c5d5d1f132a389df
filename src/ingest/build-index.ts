import type { Embeddings } from '@langchain/core/embeddings';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChunkOptions } from '../chunking/chunker.ts';
import { HEADING_RULES } from '../chunking/headings.ts';
import type { EmbedderDescriptor } from '../embeddings/factory.ts';
import { FeatureSpillWriter } from '../embeddings/feature-spill.ts';
import { LocalHashEmbeddings } from '../embeddings/local.ts';
import { LocalEmbeddingStats } from '../embeddings/local-stats.ts';
import { CHUNK_TABLE_FILE, CHUNKS_FILE, ChunkWriter } from '../index/chunk-store.ts';
import { EMBEDDER_STATS_FILE } from '../index/loaded-index.ts';
import { checksumVersion } from '../index/integrity.ts';
import { FORMAT_VERSION, writeManifest, type Manifest } from '../index/manifest.ts';
import { OriginalWriter } from '../index/original-store.ts';
import { acquireIngestLock, createStagingDir, publishVersion } from '../index/versions.ts';
import type { Tokenizer } from '../types.ts';
import { analyseDocument, indexTerms, tokeniseChunk, type AnalysedDocument, type Analyser } from './analyse-document.ts';
import { createAnalyserPool, type DocumentAnalyser } from './analyser-pool.ts';
import { Bm25SegmentsWriter } from './bm25-segments-writer.ts';
import { embedVectors } from './embed-vectors.ts';
import { openPreviousIndex, type PreviousIndex } from './previous-index.ts';
import type { IngestLog, IngestProgress, IngestReport } from './progress.ts';
import { detectOcr, type Ocr } from './readers/ocr.ts';
import { contentHash, scanSeedFolder } from './scan.ts';
import { fileEntry, warnSkipped } from './skip-report.ts';

export interface IngestOptions {
  seedsDir: string;
  indexDir: string;
  chunking: ChunkOptions;
  tokenizer: Tokenizer;
  tokenizerName: string;
  embedder: EmbedderDescriptor;
  /** Builds the embedder; local embedders get the corpus statistics gathered while reading. */
  createEmbeddings(stats: LocalEmbeddingStats): Embeddings;
  /** Chunks per BM25 segment: ingest holds one segment's postings in memory at a time. */
  segmentSize: number;
  /** Chunks per vector graph: ingest holds one graph in memory at a time. */
  vectorSegmentSize: number;
  /** Worker threads that analyse documents beside the main thread (0: analyse in-line with `tokenizer`). */
  workers: number;
  /** Ignore the previous index and rebuild everything. */
  full?: boolean;
  embedBatchSize?: number;
  /** OCR for scanned pages: detected when left out; null to go without. */
  ocr?: Ocr | null;
  onProgress?(progress: IngestProgress): void;
  log: IngestLog;
}

const READ_AHEAD = 8;
/**
 * Worker threads pay off only for a batch of several documents this large: starting one (its tokenizer dictionaries)
 * takes seconds, more than analysing a few documents in-line (what an upload through the API usually brings), and a
 * single document gains nothing, as the main thread would only wait for it.
 */
const POOL_MIN_BYTES = 2 * 1024 * 1024;
const POOL_MIN_FILES = 2;
/** Below this many chunks a graph builds in well under a second: not worth starting a thread for. */
const GRAPH_WORKER_MIN_CHUNKS = 4096;

type FileJob =
  | {
      bytes: Buffer;
      hash: string;
      /** Under way in a worker; null when the file is unchanged or is analysed in-line. */
      analysed: Promise<AnalysedDocument> | null;
    }
  | { unreadable: string };

/**
 * Reads the seeds, reuses what did not change since the previous index, and publishes a new version
 * atomically. Holds one document, one segment's postings and one graph at a time; chunk texts,
 * originals and features stream to disk.
 */
export async function buildIndex(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const { tokenizer, log } = options;
  const release = await acquireIngestLock(options.indexDir);
  let pool: DocumentAnalyser | null = null;
  let previous: PreviousIndex | null = null;
  try {
    const scan = await scanSeedFolder(options.seedsDir);
    const { files } = scan;
    const ocr = options.ocr !== undefined ? options.ocr : await detectOcr();
    const probe = options.createEmbeddings(new LocalEmbeddingStats());
    const wanted = { embedder: options.embedder, chunking: options.chunking, tokenizer: options.tokenizerName, embeddings: probe };
    previous = options.full ? null : await openPreviousIndex(options.indexDir, wanted, log);
    const stats = previous?.index.embedderStats?.clone() ?? new LocalEmbeddingStats();
    const embeddings = options.createEmbeddings(stats);
    const local = embeddings instanceof LocalHashEmbeddings;
    const staging = await createStagingDir(options.indexDir);

    const report: IngestReport = { added: [], changed: [], removed: [], unchanged: [], skipped: [...scan.skipped], chunks: 0, embeddedChunks: 0, bytes: 0, seconds: 0, versionDir: '' };
    const manifestFiles: Manifest['files'] = {};
    const bm25 = new Bm25SegmentsWriter(staging, options.segmentSize);
    const chunkWriter = new ChunkWriter(join(staging, CHUNKS_FILE), join(staging, CHUNK_TABLE_FILE));
    const originals = new OriginalWriter(staging);
    const spill = local ? new FeatureSpillWriter(join(staging, 'features.tmp')) : null;
    const reusedFrom = new Map<number, number>(); // new label → old label
    const progress: IngestProgress = { phase: 'read', filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal: files.reduce((s, f) => s + f.bytes, 0), chunks: 0, embedded: 0 };

    const analyser: Analyser = { tokenizer, chunking: options.chunking, ocr };
    const workerOcr = ocr ? { command: ocr.command, languages: ocr.languages } : null;
    const toAnalyse = files.filter((f) => previous?.index.manifest.files[f.source]?.bytes !== f.bytes);
    const batch = toAnalyse.length >= POOL_MIN_FILES && toAnalyse.reduce((sum, f) => sum + f.bytes, 0) >= POOL_MIN_BYTES;
    pool = options.workers > 0 && batch ? createAnalyserPool(options.workers, { chunking: options.chunking, ocr: workerOcr }) : null;
    // The IDF table forgets the chunks of files that changed or went away.
    const forget = (source: string) => {
      for (const label of previous?.labelsBySource.get(source) ?? []) {
        if (local) stats.observe(embeddings.slotsOf(embeddings.featuresOf(indexTerms(tokeniseChunk(previous!.index.chunks.at(label)!, tokenizer))).hashes), -1);
      }
    };
    // Small files are read synchronously: four promise round trips per file cost more than the read.
    const readJob = (path: string, source: string): FileJob => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        // A file removed or made unreadable since the scan is skipped, not fatal.
        return { unreadable: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
      }
      const hash = contentHash(bytes);
      const unchanged = previous?.index.manifest.files[source]?.hash === hash;
      const analysed = unchanged || !pool ? null : pool.analyse(source, bytes);
      // Awaited in order below; this only keeps a failure from surfacing as unhandled before then.
      analysed?.catch(() => undefined);
      return { bytes, hash, analysed };
    };
    // Files are read (and analysed by the workers) a few ahead of the one being indexed.
    const jobs = new Map<number, FileJob>();
    const startJob = (j: number) => {
      const file = files[j];
      if (!file || jobs.has(j)) return;
      jobs.set(j, readJob(file.path, file.source));
    };

    for (const [i, file] of files.entries()) {
      for (let j = i; j <= i + READ_AHEAD; j++) startJob(j);
      const job = jobs.get(i)!;
      jobs.delete(i);
      if ('unreadable' in job) {
        report.skipped.push({ source: file.source, reason: `cannot be read (${job.unreadable})` });
        progress.filesDone++;
        continue;
      }
      const { bytes, hash } = job;
      const before = previous?.index.manifest.files[file.source];
      if (before && before.hash === hash) {
        for (const oldLabel of previous!.labelsBySource.get(file.source) ?? []) {
          const label = await chunkWriter.append(previous!.index.chunks.at(oldLabel)!);
          await bm25.addCountedDocument(previous!.index.bm25.lengthOf(oldLabel), previous!.index.bm25.termsOf(oldLabel));
          reusedFrom.set(label, oldLabel);
        }
        await originals.write(file.source, (await previous!.index.originals.read(file.source)) ?? '');
        manifestFiles[file.source] = { ...before, modified: file.modified };
        report.unchanged.push(file.source);
      } else {
        const analysed = job.analysed ? await job.analysed : await analyseDocument(file.source, bytes, analyser);
        if (!analysed.ok) {
          report.skipped.push({ source: file.source, reason: analysed.reason, hash });
        } else {
          if (before) forget(file.source);
          for (const [c, chunk] of analysed.chunks.entries()) {
            const tokenised = analysed.tokenised[c]!;
            const terms = indexTerms(tokenised);
            await bm25.addTokenised(terms);
            if (local) {
              const features = embeddings.featuresOf(terms);
              stats.observe(embeddings.slotsOf(features.hashes));
              await spill!.write(features);
            }
            await chunkWriter.append(chunk);
          }
          await originals.write(file.source, analysed.text);
          manifestFiles[file.source] = fileEntry(analysed, hash, file);
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
    warnSkipped(report.skipped, manifestFiles, log);
    await pool?.close();
    pool = null;
    await Promise.all([chunkWriter.close(), originals.close(), bm25.close(), spill?.close()]);
    const total = chunkWriter.count;

    progress.phase = 'embed';
    options.onProgress?.(progress);
    const vectors = await embedVectors({
      staging,
      chunksFile: join(staging, CHUNKS_FILE),
      spillFile: spill?.file ?? null,
      total,
      segmentSize: options.vectorSegmentSize,
      dimensions: options.embedder.dimensions,
      embeddings,
      previous,
      reusedFrom,
      batchSize: options.embedBatchSize ?? 256,
      // The analysers are done by now: a worker thread inserts into the graph while this one computes vectors.
      graphWorker: options.workers > 0 && total >= GRAPH_WORKER_MIN_CHUNKS,
      progress,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    report.embeddedChunks = total - reusedFrom.size;

    progress.phase = 'write';
    options.onProgress?.(progress);
    if (local) await stats.save(join(staging, EMBEDDER_STATS_FILE));
    if (spill) await rm(spill.file, { force: true });
    await writeManifest(staging, {
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      embedder: { ...options.embedder, dimensions: vectors.dimensions },
      tokenizer: options.tokenizerName,
      chunking: { maxChars: options.chunking.maxChars, overlapSentences: options.chunking.overlapSentences, headingRules: HEADING_RULES },
      segments: { count: bm25.segments, size: options.segmentSize },
      vectorSegments: { count: vectors.segments, size: options.vectorSegmentSize },
      files: manifestFiles,
      skipped: report.skipped,
      counts: { files: Object.keys(manifestFiles).length, chunks: total, terms: bm25.terms, bytes: Object.values(manifestFiles).reduce((s, f) => s + f.bytes, 0) },
      checksums: await checksumVersion(staging),
    });
    report.versionDir = await publishVersion(options.indexDir, staging);
    report.chunks = total;
    report.bytes = progress.bytesTotal;
    report.seconds = (performance.now() - started) / 1000;
    return report;
  } finally {
    previous?.index.close();
    await pool?.close();
    await release();
  }
}
