import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TranslatingRetriever } from '../../src/retrieval/translating-retriever.ts';
import type { Retriever, SearchResult } from '../../src/types.ts';

function recordingRetriever(): Retriever & { queries: string[] } {
  const queries: string[] = [];
  return { queries, search: async (query) => (queries.push(query), [] as SearchResult[]) };
}

test('a Latin-script question is searched in translation, once per distinct question', async () => {
  const inner = recordingRetriever();
  let calls = 0;
  const retriever = new TranslatingRetriever(inner, async () => (calls++, '贵州计划发展哪些人工智能产品？'));
  await retriever.search('What AI products does Guizhou plan to develop?', 5);
  await retriever.search('What AI products does Guizhou plan to develop?', 5);
  assert.deepEqual(inner.queries, ['贵州计划发展哪些人工智能产品？', '贵州计划发展哪些人工智能产品？']);
  assert.equal(calls, 1);
});

test('Chinese questions (simplified or traditional) pass straight through', async () => {
  const inner = recordingRetriever();
  const retriever = new TranslatingRetriever(inner, async () => assert.fail('not translated'));
  await retriever.search('贵州要发展哪些人工智能产品？', 5);
  await retriever.search('貴州要發展哪些人工智慧產品？', 5);
  assert.deepEqual(inner.queries, ['贵州要发展哪些人工智能产品？', '貴州要發展哪些人工智慧產品？']);
});

test('a failed translation searches the original and is tried again next time', async () => {
  const inner = recordingRetriever();
  let calls = 0;
  const retriever = new TranslatingRetriever(inner, async () => (++calls === 1 ? null : '贵州的人口是多少？'));
  await retriever.search('What is the population of Guizhou?', 5);
  await retriever.search('What is the population of Guizhou?', 5);
  assert.deepEqual(inner.queries, ['What is the population of Guizhou?', '贵州的人口是多少？']);
  assert.equal(calls, 2);
});
