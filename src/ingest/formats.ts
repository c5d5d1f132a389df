/** Which files are documents, by name, and whether their bytes are what the name says. */

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const DOCUMENT_EXTENSIONS = Object.keys(BY_EXTENSION);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > name.lastIndexOf('/') ? name.slice(dot).toLowerCase() : '';
}

/** The format a file name promises, or null for a type that is not read. */
export function formatOfName(name: string): DocumentFormat | null {
  return BY_EXTENSION[extensionOf(name)] ?? null;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Why the bytes are not a file of `format`, or null when they are (text formats are checked by decoding). */
export function contentMismatch(format: DocumentFormat, bytes: Uint8Array): string | null {
  const pdf = startsWith(bytes, PDF_MAGIC);
  const zip = startsWith(bytes, ZIP_MAGIC);
  if (format === 'pdf') return pdf ? null : 'not a PDF (the content does not start with %PDF-)';
  if (format === 'docx') {
    // A .docx is a zip holding word/document.xml (named in the zip's central directory).
    return zip && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml') ? null : 'not a Word .docx file';
  }
  if (pdf) return 'a PDF named as text';
  if (zip) return 'a zip archive named as text';
  return null;
}
