import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_VERSION = 3;

const fileEntry = z.object({
  hash: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Modification time when read; a file of the same size and time is taken as unchanged without hashing it. */
  modified: z.number().optional(),
  encoding: z.string(),
  chunks: z.number().int().nonnegative(),
  format: z.enum(['text', 'markdown', 'html', 'pdf', 'docx']).optional(),
  /** Paged formats: where each page starts in the stored original (page n at pageStarts[n - 1]). */
  pageStarts: z.array(z.number().int().nonnegative()).optional(),
  /** 1-based pages whose text was read by OCR. */
  ocrPages: z.array(z.number().int().positive()).optional(),
  /** Pages without a text layer left unread because OCR was not installed. */
  unreadPages: z.number().int().positive().optional(),
  /** When this content was first indexed (kept while the file is unchanged). */
  ingestedAt: z.string().optional(),
});

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  createdAt: z.string(),
  embedder: z.object({ kind: z.string(), model: z.string().nullable(), dimensions: z.number().int().positive() }),
  tokenizer: z.string(),
  chunking: z.object({ maxChars: z.number().int(), overlapSentences: z.number().int(), headingRules: z.number().int().default(1) }),
  /** Chunks 0…size-1 are BM25 segment 0, and so on: each has its own postings file. */
  segments: z.object({ count: z.number().int().nonnegative(), size: z.number().int().positive() }),
  /** The same for vector graphs, which are cut more coarsely: a query searches every graph. */
  vectorSegments: z.object({ count: z.number().int().nonnegative(), size: z.number().int().positive() }),
  files: z.record(z.string(), fileEntry),
  /** Files not indexed, with their content hash (absent when unreadable) so a fixed file is noticed. */
  skipped: z.array(z.object({ source: z.string(), reason: z.string(), hash: z.string().optional() })),
  counts: z.object({ files: z.number().int(), chunks: z.number().int(), terms: z.number().int(), bytes: z.number().int() }),
  /** Size and SHA-256 of every other file of the version, checked on load (absent in indexes built before they were recorded). */
  checksums: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), sha256: z.string() })).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof fileEntry>;

export async function writeManifest(directory: string, manifest: Manifest): Promise<void> {
  await writeFile(join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The last manifest read, by folder, size and time: start-up reads it to decide whether to ingest and again
 * to load, and parsing the manifest of 80,000 files takes half a second.
 */
let lastRead: { key: string; manifest: Manifest } | null = null;

export async function readManifest(directory: string): Promise<Manifest> {
  const file = await stat(join(directory, MANIFEST_FILE)).catch(() => null);
  const key = file ? `${directory}\u0000${file.size}\u0000${file.mtimeMs}` : '';
  if (key && lastRead?.key === key) return lastRead.manifest;
  const manifest = await parseManifest(directory);
  lastRead = key ? { key, manifest } : null;
  return manifest;
}

async function parseManifest(directory: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await readFile(join(directory, MANIFEST_FILE), 'utf8');
  } catch (cause) {
    throw new AppError('INDEX_MISSING', undefined, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('INDEX_CORRUPT', `The index manifest in ${directory} is not valid JSON: run "npm run ingest" to rebuild it`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new AppError('INDEX_CORRUPT', `The index manifest is damaged (${parsed.error.issues[0]?.message}): run "npm run ingest" to rebuild it`);
  if (parsed.data.formatVersion !== FORMAT_VERSION) {
    throw new AppError('INDEX_INCOMPATIBLE', `The index has format ${parsed.data.formatVersion}, this version reads ${FORMAT_VERSION}: rebuild it with "npm run ingest -- --full"`);
  }
  return parsed.data;
}
