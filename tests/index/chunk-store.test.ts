import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { ChunkStore, ChunkWriter } from '../../src/index/chunk-store.ts';
import type { ChunkRecord } from '../../src/types.ts';
import { tempDir } from '../support/temp-dir.ts';

const chunk = (source: string, n: number, section: string[], text: string): ChunkRecord => ({ id: `${source}#${n}`, source, section, start: n * 10, end: n * 10 + text.length, text });

const RECORDS = [
  chunk('a.txt', 0, ['一、总则'], '第一段'),
  chunk('a.txt', 1, ['一、总则'], '第二段，含“引号”与\n换行'),
  chunk('a.txt', 2, ['二、任务'], '第三段'),
  chunk('b/中文#名.md', 0, ['一、总则'], '另一个文档'),
  chunk('b/中文#名.md', 1, ['一、总则'], '另一个文档的第二段'),
];

async function written(): Promise<ChunkStore> {
  const dir = await tempDir('chunks-');
  const writer = new ChunkWriter(join(dir, 'chunks.jsonl'), join(dir, 'chunks.table'));
  for (const record of RECORDS) await writer.append(record);
  await writer.close();
  return ChunkStore.open(join(dir, 'chunks.jsonl'), join(dir, 'chunks.table'));
}

test('chunks are read back by number and by id, on demand', async () => {
  const store = await written();
  assert.equal(store.size, RECORDS.length);
  RECORDS.forEach((record, label) => {
    assert.deepEqual(store.at(label), record);
    assert.equal(store.numberOf(record.id), label);
    assert.equal(store.sourceOf(label), record.source);
  });
  assert.equal(store.at(RECORDS.length), undefined);
  assert.equal(store.at(-1), undefined);
  assert.equal(store.numberOf('a.txt#3'), undefined, 'past the document\'s last chunk');
  assert.equal(store.numberOf('missing.txt#0'), undefined);
  assert.equal(store.document(1)?.pageContent, RECORDS[1]!.text);
});

test('a section is its run of chunks with the same document and heading path', async () => {
  const store = await written();
  assert.deepEqual(store.sectionOf(1).map((r) => r.id), ['a.txt#0', 'a.txt#1']);
  assert.deepEqual(store.sectionOf(2).map((r) => r.id), ['a.txt#2']);
  assert.deepEqual(store.sectionOf(3).map((r) => r.id), ['b/中文#名.md#0', 'b/中文#名.md#1'], 'same heading, other document: not joined');
  assert.deepEqual(store.sectionOf(0, 1).map((r) => r.id), ['a.txt#0']);
});
