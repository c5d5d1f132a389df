import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { toSimplified, toTraditional } from '../../src/text/chinese-script.ts';

const SEED = readFileSync(new URL('../../seeds/000_dcbe81f0de4cc422.txt', import.meta.url), 'utf8');
const reference = OpenCC.Converter({ from: 'hk', to: 'cn' });

test('skipping text with nothing to convert gives exactly the opencc-js result', () => {
  const traditional = toTraditional(SEED);
  const mixed = SEED.slice(0, 3000) + traditional.slice(3000, 6000) + SEED.slice(6000) + '反覆 一目瞭然 綫 衞 𠀋';
  for (const text of [SEED, traditional, mixed]) assert.equal(toSimplified(text), reference(text));
});

test('phrase entries apply even where no single character converts', () => {
  assert.equal(toSimplified('反覆思量，一目瞭然'), '反复思量，一目了然');
});

test('text without traditional characters comes back as the same string', () => {
  assert.equal(toSimplified('数据中心是数字经济的重要基础设施。'), '数据中心是数字经济的重要基础设施。');
  assert.equal(toSimplified(''), '');
});
