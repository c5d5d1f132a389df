import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathInside, safeFileName } from '../../../src/server/documents/file-names.ts';

test('an upload keeps only its last path segment, without reserved or control characters or leading dots', () => {
  assert.equal(safeFileName('../../etc/政策.txt'), '政策.txt');
  assert.equal(safeFileName('C:\\Users\\me\\报告.docx'), '报告.docx');
  assert.equal(safeFileName('a<b>:c"d|e?f*.pdf'), 'abcdef.pdf');
  assert.equal(safeFileName('..hidden.md'), 'hidden.md');
  assert.equal(safeFileName('line\nbreak.txt'), 'linebreak.txt');
});

test('names without a document extension, or with nothing left, are refused', () => {
  for (const name of ['setup.exe', 'notes', '...', '', '/', 'x'.repeat(300) + '.txt']) assert.equal(safeFileName(name), null, name);
});

test('a source resolves inside the folder or not at all', () => {
  assert.equal(pathInside('/data/seeds', 'a/b.txt'), '/data/seeds/a/b.txt');
  assert.equal(pathInside('/data/seeds', '../secret.txt'), null);
  assert.equal(pathInside('/data/seeds', '/etc/passwd'), null);
  assert.equal(pathInside('/data/seeds', ''), null);
});
