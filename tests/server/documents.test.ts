import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { documentBytes } from '../ingest/document-fixtures.ts';
import { documentsApp, ingestSettled, multipartBody } from './documents-app.ts';

const NOTE = '贵阳大数据交易所成立于2015年4月14日，是全国第一家大数据交易所。';

test('GET /v1/documents lists every file with its type, size, chunks and status; skipped files say why', async () => {
  const { app } = await documentsApp({ 'note.txt': NOTE, 'sheet.xls': 'not read', 'scan.pdf': 'not a pdf' });
  const body = (await app.inject({ method: 'GET', url: '/v1/documents' })).json();
  assert.deepEqual(
    body.documents.map((d: Record<string, unknown>) => [d.source, d.type, d.status, d.reason ?? null]),
    [
      ['note.txt', 'txt', 'indexed', null],
      ['scan.pdf', 'pdf', 'skipped', 'not a PDF (the content does not start with %PDF-)'],
      ['sheet.xls', 'xls', 'skipped', 'not a supported document type (.txt, .md, .markdown, .html, .htm, .pdf, .docx)'],
    ],
  );
  assert.equal(body.documents[0].bytes, Buffer.byteLength(NOTE));
  assert.ok(body.documents[0].chunks >= 1 && body.documents[0].ingestedAt);
  assert.deepEqual(body.counts, { indexed: 1, skipped: 2, pending: 0 });
  assert.equal(body.ingest.state, 'idle');
  await app.close();
});

test('an uploaded PDF is indexed without a restart: pending, then indexed with its pages, then answered with the page', async () => {
  const { app } = await documentsApp({ 'note.txt': NOTE });
  const before = await app.inject({ method: 'POST', url: '/v1/ask', payload: { question: '核心业务数据多久进行一次增量备份？' } });
  assert.equal(before.json().status, 'no_answer');

  const upload = await app.inject({ method: 'POST', url: '/v1/documents', ...(await multipartBody({ 'handbook.pdf': await documentBytes('handbook.pdf') })) });
  assert.equal(upload.statusCode, 202, upload.body);
  assert.deepEqual(upload.json().documents, [{ source: 'handbook.pdf', replaced: false }]);
  const listed = (await app.inject({ method: 'GET', url: '/v1/documents' })).json();
  assert.equal(listed.documents.find((d: { source: string }) => d.source === 'handbook.pdf').status, 'pending');

  await ingestSettled(app);
  const indexed = (await app.inject({ method: 'GET', url: '/v1/documents' })).json();
  const handbook = indexed.documents.find((d: { source: string }) => d.source === 'handbook.pdf');
  assert.deepEqual([handbook.status, handbook.type, handbook.pages], ['indexed', 'pdf', 3]);
  assert.deepEqual(indexed.ingest.last.added, ['handbook.pdf']);

  const answer = (await app.inject({ method: 'POST', url: '/v1/ask', payload: { question: '核心业务数据多久进行一次增量备份？' } })).json();
  assert.equal(answer.status, 'answered');
  assert.equal(answer.citations[0].source, 'handbook.pdf');
  assert.equal(answer.citations[0].page, 2);
  await app.close();
});

test('DELETE /v1/documents/{source} removes the file and, after the ingest, its passages', async () => {
  const { app, seeds } = await documentsApp({ 'note.txt': NOTE, 'keep/other.txt': '遵义会议在1935年召开。' });
  const deleted = await app.inject({ method: 'DELETE', url: `/v1/documents/${encodeURIComponent('note.txt')}` });
  assert.equal(deleted.statusCode, 202);
  assert.equal(existsSync(join(seeds, 'note.txt')), false);
  await ingestSettled(app);
  const answer = (await app.inject({ method: 'POST', url: '/v1/search', payload: { query: '贵阳大数据交易所' } })).json();
  assert.ok(answer.results.every((r: { source: string }) => r.source !== 'note.txt'));
  assert.equal((await app.inject({ method: 'DELETE', url: `/v1/documents/${encodeURIComponent('keep/other.txt')}` })).statusCode, 202, 'a nested source, encoded');
  await app.close();
});

test('uploads are checked: by content, by name, by size, against replacing, and never land outside the folder', async () => {
  const { app, seeds } = await documentsApp({ 'note.txt': NOTE }, { UPLOAD_MAX_BYTES: '2048' });
  const post = async (files: Record<string, string | Uint8Array>, query = '') => app.inject({ method: 'POST', url: `/v1/documents${query}`, ...(await multipartBody(files)) });
  const codeOf = (res: { statusCode: number; json(): { error: { code: string } } }) => [res.statusCode, res.json().error.code];

  assert.deepEqual(codeOf(await post({ 'fake.pdf': 'plain text pretending' })), [415, 'UNSUPPORTED_DOCUMENT']);
  assert.deepEqual(codeOf(await post({ 'image.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) })), [415, 'UNSUPPORTED_DOCUMENT']);
  assert.deepEqual(codeOf(await post({ 'run.exe': 'MZ' })), [400, 'INVALID_FILE_NAME']);
  assert.deepEqual(codeOf(await post({ 'empty.txt': '' })), [415, 'UNSUPPORTED_DOCUMENT']);
  assert.deepEqual(codeOf(await post({ '...': NOTE })), [400, 'INVALID_FILE_NAME']);
  assert.deepEqual((await post({ '.hidden.txt': NOTE })).json().documents, [{ source: 'hidden.txt', replaced: false }], 'never a hidden file ingest would ignore');
  assert.deepEqual(codeOf(await post({ 'big.txt': '数'.repeat(1000) })), [413, 'DOCUMENT_TOO_LARGE']);
  assert.deepEqual(codeOf(await post({ 'note.txt': '新内容。' })), [409, 'DOCUMENT_EXISTS']);
  const replaced = await post({ 'note.txt': '新内容。' }, '?replace=true');
  assert.deepEqual([replaced.statusCode, replaced.json().documents], [202, [{ source: 'note.txt', replaced: true }]]);

  const escaped = await post({ '../../outside.txt': '目录之外。' });
  assert.deepEqual(escaped.json().documents, [{ source: 'outside.txt', replaced: false }]);
  assert.ok(existsSync(join(seeds, 'outside.txt')) && !existsSync(join(seeds, '..', 'outside.txt')));

  const empty = await app.inject({ method: 'POST', url: '/v1/documents', payload: { file: 'x' } });
  assert.deepEqual(codeOf(empty), [415, 'UNSUPPORTED_MEDIA_TYPE']);
  assert.deepEqual(codeOf(await app.inject({ method: 'DELETE', url: '/v1/documents/..%2F..%2Fetc%2Fpasswd' })), [404, 'DOCUMENT_NOT_FOUND']);
  assert.deepEqual(codeOf(await app.inject({ method: 'DELETE', url: '/v1/documents/missing.txt' })), [404, 'DOCUMENT_NOT_FOUND']);
  await ingestSettled(app);
  await app.close();
});

test('with API keys, managing documents needs an admin key; asking does not', async () => {
  const { app } = await documentsApp({ 'note.txt': NOTE }, { API_KEYS: 'reader-key', ADMIN_API_KEYS: 'admin-key' });
  const as = (key?: string) => (key ? { authorization: `Bearer ${key}` } : {});
  assert.equal((await app.inject({ method: 'GET', url: '/v1/documents', headers: as() })).statusCode, 401);
  const reader = await app.inject({ method: 'GET', url: '/v1/documents', headers: as('reader-key') });
  assert.deepEqual([reader.statusCode, reader.json().error.code], [403, 'FORBIDDEN']);
  assert.equal((await app.inject({ method: 'DELETE', url: '/v1/documents/note.txt', headers: as('reader-key') })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: '/v1/documents', headers: as('admin-key') })).statusCode, 200);
  assert.equal((await app.inject({ method: 'POST', url: '/v1/ask', headers: as('reader-key'), payload: { question: '贵阳大数据交易所哪年成立？' } })).statusCode, 200);
  assert.equal((await app.inject({ method: 'POST', url: '/v1/ask', headers: as('admin-key'), payload: { question: '贵阳大数据交易所哪年成立？' } })).statusCode, 200);
  await app.close();
});
