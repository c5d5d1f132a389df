import { decodeBytes } from '../text/decode.ts';
import { htmlToDocument } from '../text/html.ts';
import type { SourceDocument } from '../types.ts';
import { contentMismatch, formatOfName, type DocumentFormat } from './formats.ts';
import { readDocx } from './readers/docx.ts';
import type { Ocr } from './readers/ocr.ts';
import { readPdf } from './readers/pdf.ts';

export type ReadResult =
  | {
      ok: true;
      document: SourceDocument;
      format: DocumentFormat;
      /** The text encoding, or the format for PDF and Word files. */
      encoding: string;
      /** PDF pages without a text layer that were not read because OCR is not installed. */
      unreadPages?: number;
    }
  | { ok: false; reason: string };

export interface ReadOptions {
  /** Reads pages without a text layer; null when Tesseract is not installed. */
  ocr: Ocr | null;
}

/** Bytes of a seed file to the document the chunker sees; `document.text` is the original offsets refer to. */
export async function readDocument(source: string, bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const format = formatOfName(source);
  if (!format) return { ok: false, reason: 'unsupported file type' };
  const mismatch = contentMismatch(format, bytes);
  if (mismatch) return { ok: false, reason: mismatch };
  const result = await readByFormat(source, format, bytes, options);
  if (result.ok && result.document.text.trim() === '') {
    return { ok: false, reason: result.unreadPages ? 'no text layer (scanned), and OCR is not installed' : 'empty after extraction' };
  }
  return result;
}

async function readByFormat(source: string, format: DocumentFormat, bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  if (format === 'pdf') {
    const pdf = await readPdf(bytes, options.ocr).catch((error: Error) => ({ error }));
    if ('error' in pdf) return { ok: false, reason: `unreadable PDF (${pdf.error.message})` };
    return { ok: true, document: { source, text: pdf.text, headings: pdf.headings, pages: pdf.pages }, format, encoding: 'pdf', unreadPages: pdf.unreadPages };
  }
  if (format === 'docx') {
    const docx = await readDocx(bytes).catch((error: Error) => ({ error }));
    if ('error' in docx) return { ok: false, reason: `unreadable Word file (${docx.error.message})` };
    return { ok: true, document: { source, ...docx }, format, encoding: 'docx' };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    return { ok: false, reason: decoded.reason === 'binary' ? 'binary file' : 'not UTF-8, UTF-16, GB18030/GBK or Big5 text' };
  }
  if (format === 'html') return { ok: true, document: { source, ...htmlToDocument(decoded.text) }, format, encoding: decoded.encoding };
  return { ok: true, document: { source, text: decoded.text }, format, encoding: decoded.encoding };
}
