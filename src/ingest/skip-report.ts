/** What ingest tells about files it could not (fully) read, and what it records for the ones it did. */
import type { Manifest, ManifestFile } from '../index/manifest.ts';
import type { AnalysedDocument } from './analyse-document.ts';
import type { IngestLog, IngestReport } from './progress.ts';

export const OCR_HINT = 'install Tesseract with Chinese data (apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra) and ingest again';

/** A warning line for each skipped file, with its reason; one for scanned pages left unread and how to read them. */
export function warnSkipped(skipped: IngestReport['skipped'], files: Manifest['files'], log: IngestLog): void {
  const sorted = [...skipped].sort((a, b) => (a.source < b.source ? -1 : 1));
  for (const { source, reason } of sorted) log.warn(`Skipping ${source}: ${reason}`);
  const unread = Object.entries(files).filter(([, f]) => f.unreadPages);
  const scannedOnly = skipped.filter((s) => s.reason.includes('OCR is not installed'));
  if (unread.length || scannedOnly.length) {
    const names = [...unread.map(([source, f]) => `${source} (${f.unreadPages} page${f.unreadPages === 1 ? '' : 's'})`), ...scannedOnly.map((s) => s.source)];
    log.warn(`No OCR: pages without a text layer were not read in ${names.join(', ')}: ${OCR_HINT}`);
  }
}

export function fileEntry(analysed: Extract<AnalysedDocument, { ok: true }>, hash: string, file: { bytes: number; modified: number }): ManifestFile {
  const ocrPages = analysed.pages?.flatMap((p, i) => (p.ocr ? [i + 1] : []));
  return {
    hash,
    bytes: file.bytes,
    modified: file.modified,
    encoding: analysed.encoding,
    chunks: analysed.chunks.length,
    format: analysed.format,
    ...(analysed.pages ? { pageStarts: analysed.pages.map((p) => p.start) } : {}),
    ...(ocrPages?.length ? { ocrPages } : {}),
    ...(analysed.unreadPages ? { unreadPages: analysed.unreadPages } : {}),
    ingestedAt: new Date().toISOString(),
  };
}
