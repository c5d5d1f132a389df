import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_VERSION = 2;

const fileEntry = z.object({
  hash: z.string(),
  bytes: z.number().int().nonnegative(),
  encoding: z.string(),
  chunks: z.number().int().nonnegative(),
});

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  createdAt: z.string(),
  embedder: z.object({ kind: z.string(), model: z.string().nullable(), dimensions: z.number().int().positive() }),
  tokenizer: z.string(),
  chunking: z.object({ maxChars: z.number().int(), overlapSentences: z.number().int(), headingRules: z.number().int().default(1) }),
  /** Chunks 0…size-1 are segment 0, and so on: each has its own BM25 and vector files. */
  segments: z.object({ count: z.number().int().nonnegative(), size: z.number().int().positive() }),
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

export async function readManifest(directory: string): Promise<Manifest> {
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
