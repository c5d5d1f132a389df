import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTypedFile, writeTypedFile } from '../../src/index/typed-file.ts';
import { tempDir } from '../support/temp-dir.ts';

test('typed arrays and the header round-trip; a damaged file is refused', async () => {
  const file = join(await tempDir('typed-'), 'a.bin');
  const arrays = { bytes: Uint8Array.from([1, 2, 3]), ids: Uint32Array.from([7, 2 ** 32 - 1]), at: Float64Array.from([0, 1.5e12]), empty: new Float32Array(0) };
  await writeTypedFile(file, { base: 8, names: ['甲'] }, arrays);
  const read = await readTypedFile(file);
  assert.deepEqual(read.meta, { base: 8, names: ['甲'] });
  assert.deepEqual(read.arrays, arrays);

  const bytes = await readFile(file);
  await writeFile(file, bytes.subarray(0, bytes.length - 8));
  await assert.rejects(readTypedFile(file), /truncated/);
  await writeFile(file, 'not an array file');
  await assert.rejects(readTypedFile(file), /not an index array file/);
});
