/** PDF → text with pages and headings: pdfjs-dist reads the text layer; pages without one go to OCR when it is installed. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Ocr } from './ocr.ts';
import { layoutPages, type PdfPage, type PdfText } from './pdf-layout.ts';
import { toLines } from './pdf-lines.ts';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Page images for OCR at 144 dpi: body text is then 20–40 px high, where Tesseract reads best (larger glyphs read worse). */
const OCR_SCALE = 2;

export interface PdfReadResult extends PdfText {
  /** Pages that have no text layer and were not read because OCR is not available. */
  unreadPages: number;
}

export async function readPdf(bytes: Uint8Array, ocr: Ocr | null): Promise<PdfReadResult> {
  // Loaded on first use: a corpus without PDFs never pays for pdfjs (a large module) in memory.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    // Chinese PDFs with non-embedded fonts need the CMaps; file paths work in Node.
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    let unreadPages = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const lines = toLines((await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i));
      if (lines.length > 0) pages.push({ lines });
      else if (ocr) pages.push({ lines: ocrLines(await ocr.read(await renderPage(document, page))), ocr: true });
      else {
        unreadPages++;
        pages.push({ lines: [] });
      }
      page.cleanup();
    }
    return { ...layoutPages(pages), unreadPages };
  } finally {
    await document.destroy();
  }
}

function ocrLines(text: string) {
  return text.split('\n').map((line) => ({ text: line, size: 0, x0: 0, x1: 0, y: 0 }));
}

/** The page as a PNG, drawn by pdfjs on @napi-rs/canvas (its canvas for Node). */
async function renderPage(document: PDFDocumentProxy, page: PDFPageProxy): Promise<Uint8Array> {
  const viewport = page.getViewport({ scale: OCR_SCALE });
  const factory = (document as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvasContext: context as CanvasRenderingContext2D, viewport }).promise;
  const png = (canvas as { toBuffer(mime: 'image/png'): Buffer }).toBuffer('image/png');
  factory.destroy({ canvas, context });
  return png;
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: unknown };
  destroy(pair: { canvas: unknown; context: unknown }): void;
}
