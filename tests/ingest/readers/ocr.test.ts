import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectOcr, tidyOcrText } from '../../../src/ingest/readers/ocr.ts';
import { readPdf } from '../../../src/ingest/readers/pdf.ts';
import { documentBytes, expectedText } from '../document-fixtures.ts';

const ocr = await detectOcr();

test('OCR output loses the spaces Tesseract sets between Chinese glyphs, and its blank lines', () => {
  assert.equal(tidyOcrText('关 于 开 展 数 据 安 全 检 查\n\n2025 年 4 月 Open Data\n  \n'), '关于开展数据安全检查\n2025年4月Open Data');
});

test('without Tesseract there is no OCR, and a scanned page is counted as unread', async () => {
  assert.equal(await detectOcr('/nonexistent/tesseract'), null);
  const pdf = await readPdf(await documentBytes('scanned-notice.pdf'), null);
  assert.equal(pdf.text, '');
  assert.equal(pdf.unreadPages, 1);
});

/** Share of the expected characters that OCR read in place (1 - edit distance / length). */
function accuracy(read: string, expected: string): number {
  let row = Array.from({ length: expected.length + 1 }, (_, j) => j);
  for (let i = 1; i <= read.length; i++) {
    const next = [i];
    for (let j = 1; j <= expected.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (read[i - 1] === expected[j - 1] ? 0 : 1));
    row = next;
  }
  return 1 - row[expected.length]! / expected.length;
}

test('a scanned page is read by OCR and marked as such', { skip: ocr ? false : 'Tesseract with Chinese data is not installed' }, async () => {
  const pdf = await readPdf(await documentBytes('scanned-notice.pdf'), ocr);
  assert.deepEqual(pdf.pages, [{ start: 0, ocr: true }]);
  const score = accuracy(pdf.text.replace(/[:：]/g, '：'), await expectedText('scanned-notice.pdf'));
  assert.ok(score >= 0.9, `OCR accuracy ${score.toFixed(3)}`);
  assert.match(pdf.text, /2025年4月15日/);
});
