import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BIGRAM_MARK, bigramKeyOfTerm, bigramTermOfKey, cjkBigramKeys, cjkBigrams } from '../../src/text/bigrams.ts';

const TEXT = '贵州省大数据 2024 年，算力枢纽（𠀀例）與豈㐀㐁';

test('bigram keys stand for the same bigrams, in the same order, as the strings', () => {
  const strings = cjkBigrams(TEXT);
  const keys = cjkBigramKeys(TEXT);
  assert.equal(keys.length, strings.length);
  assert.ok(strings.includes('豈㐀'), 'a compatibility ideograph next to an extension-A one');
  assert.deepEqual([...keys].map(bigramTermOfKey), strings.map((b) => BIGRAM_MARK + b));
});

test('a marked bigram term gives its key back; words and unmarked text give none', () => {
  for (const key of cjkBigramKeys(TEXT)) assert.equal(bigramKeyOfTerm(bigramTermOfKey(key)), key);
  assert.equal(bigramKeyOfTerm('数据'), undefined);
  assert.equal(bigramKeyOfTerm(BIGRAM_MARK + 'ab'), undefined);
  assert.equal(bigramKeyOfTerm(BIGRAM_MARK + '数据中心'), undefined);
});

test('keys stay below 2^30, so they count as small integers', () => {
  const last = cjkBigramKeys('\ufaff\ufaff')[0]!;
  assert.ok(last < 2 ** 30 && last > cjkBigramKeys('\u9fff\u9fff')[0]!);
});
