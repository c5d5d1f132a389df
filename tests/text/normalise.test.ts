import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { normaliseForMatch, toTraditional } from '../../src/text/normalise.ts';

const SEED = readFileSync(new URL('../../seeds/000_dcbe81f0de4cc422.txt', import.meta.url), 'utf8');

test('traditional (Taiwan and Hong Kong forms) folds to simplified', () => {
  assert.equal(normaliseForMatch('對於京津冀、長三角等節點'), '对于京津冀、长三角等节点');
  assert.equal(normaliseForMatch('臺灣爲僞峯裡'), '台湾为伪峰里'); // Taiwan forms
  assert.equal(normaliseForMatch('綫説衞'), '线说卫'); // Hong Kong forms
  assert.equal(normaliseForMatch('显著'), '显著'); // simplified text is left alone
});

test('full-width and half-width forms fold, and case is lowered', () => {
  assert.equal(normaliseForMatch('ＡＢＣ１２３（一）'), 'abc123(一)');
  assert.equal(normaliseForMatch('ｶﾀｶﾅ'), 'カタカナ');
});

test('whitespace inside and around CJK runs is removed', () => {
  assert.equal(normaliseForMatch('数据中 心'), '数据中心');
  assert.equal(normaliseForMatch('推进 5G 产业发展'), '推进5g产业发展');
  assert.equal(normaliseForMatch('  东数\n西算\u3000工程 '), '东数西算工程');
});

test('a single space is kept between Latin words and numbers', () => {
  assert.equal(normaliseForMatch('Hello   World\t42  5G'), 'hello world 42 5g');
  assert.equal(normaliseForMatch('FAST 射电望远镜 500 米'), 'fast射电望远镜500米');
});

test('the seed round-trips through traditional and back to its normalised form', () => {
  const traditional = toTraditional(SEED);
  assert.notEqual(traditional, SEED);
  assert.equal(normaliseForMatch(traditional), normaliseForMatch(SEED));
});

test('toTraditional converts simplified to Taiwan traditional', () => {
  assert.equal(toTraditional('对于京津冀、长三角等节点'), '對於京津冀、長三角等節點');
});

