import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPdf } from '../../../src/ingest/readers/pdf.ts';
import { documentBytes, expectedText } from '../document-fixtures.ts';
import { seedText } from '../fixtures.ts';

test('a printed PDF reads back as its paragraphs: no running header, no page numbers, no spaces between characters', async () => {
  const pdf = await readPdf(await documentBytes('handbook.pdf'), null);
  assert.equal(pdf.text, await expectedText('handbook.pdf'));
  assert.doesNotMatch(pdf.text, /工作手册（2025年版）|—\s*\d\s*—/);
  assert.equal(pdf.unreadPages, 0);
});

test('each page starts where its text starts', async () => {
  const pdf = await readPdf(await documentBytes('handbook.pdf'), null);
  assert.equal(pdf.pages.length, 3);
  assert.equal(pdf.pages[0]!.start, 0);
  assert.ok(pdf.text.startsWith('第二章 数据采集与备份', pdf.pages[1]!.start));
  assert.ok(pdf.text.startsWith('数据分类分级', pdf.pages[2]!.start));
  assert.ok(pdf.pages.every((p) => !p.ocr));
});

test('headings come from larger type, and from numbering styles below them', async () => {
  const pdf = await readPdf(await documentBytes('handbook.pdf'), null);
  assert.deepEqual(
    pdf.headings.map((h) => [h.level, h.title]),
    [
      [1, '数据管理工作手册'],
      [2, '第一章 总则'],
      [2, '第二章 数据采集与备份'],
      [2, '数据分类分级'],
      [2, '第三章 附则'],
    ],
  );
  for (const h of pdf.headings) assert.equal(pdf.text.slice(h.start, h.end), h.title);
});

test('a text printed to PDF over several pages reads back line for line', async () => {
  const pdf = await readPdf(await documentBytes('seed-000.pdf'), null);
  const lines = (await seedText()).split('\n').filter((l) => l.trim());
  const read = pdf.text.split('\n');
  assert.equal(read.length, lines.length, 'paragraphs split over lines and pages are joined again');
  // The print drops the seed's stray spaces inside Chinese, and its font maps 户 to 戶; everything else is the same.
  const same = read.filter((line, i) => line.replace(/戶/g, '户').replace(/\s/g, '') === lines[i]!.replace(/\s/g, '')).length;
  assert.equal(same, lines.length);
  assert.ok(pdf.pages.length >= 5);
});

test('a file that is not a PDF is refused with the parser’s reason', async () => {
  await assert.rejects(readPdf(new TextEncoder().encode('%PDF-1.7 but nothing else'), null));
});
