import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutPages, withoutRunningLines, type PdfPage } from '../../../src/ingest/readers/pdf-layout.ts';
import { foldRadicals, toLines } from '../../../src/ingest/readers/pdf-lines.ts';

const glyphs = (text: string, x: number, y: number, size = 10) =>
  [...text].map((str, i) => ({ str, transform: [size, 0, 0, size, x + i * size, y], width: size }));
const line = (text: string, y: number, x0 = 50, size = 10) => ({ text, size, x0, x1: x0 + text.length * size, y });

test('glyphs set one by one join without spaces; a wide gap between Chinese glyphs and a Latin word space stay', () => {
  const items = [...glyphs('第一章', 50, 700), ...glyphs('总则', 50 + 4 * 10, 700), ...glyphs('数据', 50, 680)];
  assert.deepEqual(toLines(items).map((l) => l.text), ['第一章 总则', '数据']);
  const latin = [{ str: 'Open', transform: [10, 0, 0, 10, 50, 600], width: 22 }, { str: 'Data', transform: [10, 0, 0, 10, 75, 600], width: 22 }];
  assert.equal(toLines(latin)[0]!.text, 'Open Data');
});

test('Kangxi and simplified radicals some fonts map to are folded to the characters', () => {
  assert.equal(foldRadicals('⼯作⼿册 增⻓'), '工作手册 增长');
});

test('running headers and page numbers are dropped when they repeat; body lines that look alike are not', () => {
  const topics = ['总则', '采集', '附则'];
  const body = (n: number) => [`${topics[n - 1]}的开头。`, `正文第${n}页的内容。`, `${topics[n - 1]}的结尾。`];
  const page = (n: number): PdfPage => ({ lines: [line('某局工作手册', 800), ...body(n).map((t, i) => line(t, 700 - i * 14)), line(`- ${n} -`, 40)] });
  const kept = withoutRunningLines([page(1), page(2), page(3)]).map((p) => p.lines.map((l) => l.text));
  assert.deepEqual(kept, [body(1), body(2), body(3)]);
  const single = withoutRunningLines([{ lines: [line('只有一页', 700), line('第 1 页 共 1 页', 40)] }]);
  assert.deepEqual(single[0]!.lines.map((l) => l.text), ['只有一页']);
});

test('wrapped lines join into a paragraph; a short line, an indent, a wider gap or a heading start a new one', () => {
  const full = '一二三四五六七八九十';
  const pages: PdfPage[] = [
    { lines: [line(full, 700), line('接续。', 686), line(full, 662), line('新段。', 638), line('缩进段。', 624, 70), line(full, 610), line('1.标题行', 596)] },
  ];
  assert.equal(layoutPages(pages).text, `${full}接续。\n${full}\n新段。\n缩进段。\n${full}\n1.标题行`);
});

test('a paragraph running over a page break stays one, and the page starts mid-paragraph', () => {
  const full = '一二三四五六七八九十';
  const laid = layoutPages([{ lines: [line(full, 700)] }, { lines: [line('下页接续。', 700)] }, { lines: [], ocr: true }]);
  assert.equal(laid.text, `${full}下页接续。`);
  assert.deepEqual(laid.pages, [{ start: 0 }, { start: full.length }, { start: laid.text.length, ocr: true }]);
});
