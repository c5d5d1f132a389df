/** Word .docx → text with headings: mammoth turns heading styles into <h1>…<h6>, lists into <li>, tables into rows. */
import { htmlToDocument } from '../../text/html.ts';
import type { HeadingMark } from '../../types.ts';

/** Title and subtitle head the document; Heading 1–6 are mapped by mammoth's defaults. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

export async function readDocx(bytes: Uint8Array): Promise<{ text: string; headings: HeadingMark[] }> {
  // Loaded on first use, like pdfjs: a corpus without Word files does not hold mammoth.
  const { default: mammoth } = await import('mammoth');
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    // Images carry no text: leave them out rather than inline them as data URLs.
    { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
  );
  return htmlToDocument(html);
}
