import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigramTermOfKey, cjkBigramKeys } from '../../src/text/bigrams.ts';
import { countTerms, countTextTerms } from '../../src/text/term-counts.ts';

describe('countTerms', () => {
  it('counts each distinct word in first-seen order and each distinct bigram in key order', () => {
    const text = '滤芯滤芯更换';
    const terms = countTextTerms(['滤芯', '滤芯', '更换'], text);
    assert.deepEqual([...terms.words], [['滤芯', 2], ['更换', 1]]);
    const bigrams = [...terms.bigramKeys].map((key, i): [string, number] => [bigramTermOfKey(key), terms.bigramCounts[i]!]);
    assert.deepEqual(new Map(bigrams), new Map([['·滤芯', 2], ['·芯滤', 1], ['·芯更', 1], ['·更换', 1]]));
    assert.deepEqual([...terms.bigramKeys], [...terms.bigramKeys].sort((a, b) => a - b));
    assert.equal(terms.length, 3 + 5, 'words and bigrams, repeats included');
  });

  it('counts nothing in an empty text', () => {
    const terms = countTerms([], cjkBigramKeys(''));
    assert.equal(terms.words.size, 0);
    assert.equal(terms.bigramKeys.length, 0);
    assert.equal(terms.length, 0);
  });
});
