import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocx } from '../../../src/ingest/readers/docx.ts';
import { documentBytes, expectedText } from '../document-fixtures.ts';

test('a Word file reads as its paragraphs, list items and table rows', async () => {
  const docx = await readDocx(await documentBytes('handbook.docx'));
  assert.equal(docx.text, await expectedText('handbook.docx'));
  assert.match(docx.text, /\n核心数据 永久保存\n/, 'a table row reads as one line');
});

test('heading styles become the section path', async () => {
  const docx = await readDocx(await documentBytes('handbook.docx'));
  assert.deepEqual(
    docx.headings.map((h) => [h.level, h.title]),
    [
      [1, '数据管理工作手册'],
      [2, '第一章 总则'],
      [2, '第二章 数据采集与备份'],
      [2, '数据分类分级'],
      [2, '第三章 附则'],
      [2, '数据安全责任分工'],
    ],
  );
});

test('a damaged Word file is an error, not an empty document', async () => {
  await assert.rejects(readDocx(new TextEncoder().encode('PK\u0003\u0004 word/document.xml')));
});
