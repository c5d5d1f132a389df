/** The documents folder as the API and the page see it: what is in it, its state in the index, and changes to it. */
import { randomUUID } from 'node:crypto';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../errors.ts';
import type { Manifest } from '../../index/manifest.ts';
import { contentMismatch, extensionOf, formatOfName } from '../../ingest/formats.ts';
import { scanSeedFolder } from '../../ingest/scan.ts';
import { decodeBytes } from '../../text/decode.ts';
import type { IndexUpdates } from './index-updates.ts';
import { pathInside, safeFileName } from './file-names.ts';

export type DocumentStatus = 'indexed' | 'skipped' | 'pending';

export interface DocumentInfo {
  source: string;
  /** txt/md/html/pdf/docx, or the extension of a file that is not read. */
  type: string;
  bytes: number;
  status: DocumentStatus;
  /** Why a skipped file is not indexed. */
  reason?: string;
  pages?: number;
  ocrPages?: number[];
  chunks?: number;
  ingestedAt?: string;
}

export interface LibraryOptions {
  seedsDir: string;
  /** The manifest of the index being served, if one is loaded. */
  manifest(): Manifest | undefined;
  updates: IndexUpdates;
}

const TYPE_NAMES = { text: 'txt', markdown: 'md', html: 'html', pdf: 'pdf', docx: 'docx' } as const;
const typeOf = (source: string) => {
  const format = formatOfName(source);
  return format ? TYPE_NAMES[format] : extensionOf(source).slice(1) || 'unknown';
};

export class DocumentLibrary {
  /** Files written or removed since the last ingest started: they are pending until a run has seen them. */
  private readonly changed = new Map<string, symbol>();

  constructor(private readonly options: LibraryOptions) {}

  async list(): Promise<DocumentInfo[]> {
    const scan = await scanSeedFolder(this.options.seedsDir);
    const manifest = this.options.manifest();
    const skippedInIndex = new Map(manifest?.skipped.map((s) => [s.source, s.reason]));
    const documents: DocumentInfo[] = scan.files.map(({ source, bytes }) => {
      const entry = manifest?.files[source];
      const base = { source, type: typeOf(source), bytes };
      if (this.changed.has(source)) return { ...base, status: 'pending' };
      if (entry && entry.bytes === bytes) {
        return {
          ...base,
          status: 'indexed',
          chunks: entry.chunks,
          ...(entry.pageStarts ? { pages: entry.pageStarts.length } : {}),
          ...(entry.ocrPages ? { ocrPages: entry.ocrPages } : {}),
          ...(entry.ingestedAt ? { ingestedAt: entry.ingestedAt } : {}),
        };
      }
      const reason = skippedInIndex.get(source);
      return reason !== undefined ? { ...base, status: 'skipped', reason } : { ...base, status: 'pending' };
    });
    for (const { source, reason } of scan.skipped) documents.push({ source, type: typeOf(source), bytes: (await lstat(join(this.options.seedsDir, source))).size, status: 'skipped', reason });
    return documents.sort((a, b) => (a.source < b.source ? -1 : 1));
  }

  /** Stores an upload (checked by content, under a safe name) and starts indexing it; returns the stored name. */
  async add(uploadedName: string, bytes: Uint8Array, replace: boolean): Promise<{ source: string; replaced: boolean }> {
    const source = safeFileName(uploadedName);
    if (!source) throw new AppError('INVALID_FILE_NAME', `"${uploadedName}" is not a usable document name: send .txt, .md, .markdown, .html, .htm, .pdf or .docx files`);
    const format = formatOfName(source)!;
    const mismatch = bytes.length === 0 ? 'empty file' : (contentMismatch(format, bytes) ?? (format === 'pdf' || format === 'docx' || decodeBytes(bytes).ok ? null : 'not text in a known encoding'));
    if (mismatch) throw new AppError('UNSUPPORTED_DOCUMENT', `${source}: ${mismatch}`);
    const path = pathInside(this.options.seedsDir, source)!;
    const existing = await lstat(path).catch(() => null);
    if (existing && !replace) throw new AppError('DOCUMENT_EXISTS', `${source} exists: send replace=true to replace it`);
    if (existing && !existing.isFile()) throw new AppError('INVALID_FILE_NAME', `${source} is not a regular file and cannot be replaced`);
    // Written aside (a hidden name ingest ignores) and renamed into place: ingest never reads half a file.
    const staging = join(this.options.seedsDir, `.upload-${randomUUID()}`);
    await writeFile(staging, bytes);
    await rename(staging, path);
    this.markChanged(source);
    return { source, replaced: existing !== null };
  }

  async remove(source: string): Promise<void> {
    const path = pathInside(this.options.seedsDir, source);
    const existing = path ? await lstat(path).catch(() => null) : null;
    if (!path || !existing || existing.isDirectory() || source.split('/').some((part) => part.startsWith('.'))) {
      throw new AppError('DOCUMENT_NOT_FOUND', `No document "${source}" in the documents folder`);
    }
    await rm(path);
    this.markChanged(source);
  }

  /** The file is pending until an ingest that started after this change has finished. */
  private markChanged(source: string): void {
    const change = Symbol(source);
    this.changed.set(source, change);
    void this.options.updates.request().then(() => {
      if (this.changed.get(source) === change) this.changed.delete(source);
    });
  }
}
