import { decodeBytes } from '../text/decode.ts';
import { htmlToDocument } from '../text/html.ts';
import type { SourceDocument } from '../types.ts';

export type ReadResult =
  | { ok: true; document: SourceDocument; encoding: string }
  | { ok: false; reason: string };

/** Bytes of a seed file to the document the chunker sees; HTML keeps its visible text as the original. */
export function readDocument(source: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    return { ok: false, reason: decoded.reason === 'binary' ? 'binary file' : 'neither UTF-8 nor GB18030/GBK text' };
  }
  if (/\.html?$/i.test(source)) {
    const { text, headings } = htmlToDocument(decoded.text);
    return { ok: true, document: { source, text, headings }, encoding: decoded.encoding };
  }
  return { ok: true, document: { source, text: decoded.text }, encoding: decoded.encoding };
}
