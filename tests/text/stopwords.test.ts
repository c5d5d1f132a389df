import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STOPWORDS, isStopword } from '../../src/text/stopwords.ts';

test('function and question words are stop words', () => {
  for (const word of ['的', '了', '是', '在', '和', '与', '及', '等', '什么', '哪些', '哪个', '怎样', '如何', '多少', '吗', '呢']) {
    assert.equal(isStopword(word), true, word);
  }
  for (const word of ['the', 'of', 'what', 'is', 'how']) assert.equal(isStopword(word), true, word);
});

test('punctuation and whitespace tokens are stop words', () => {
  for (const token of ['，', '。', '“', '”', '？', '(', ')', '、', ' ', '\n', '', '...', '——', '★']) {
    assert.equal(isStopword(token), true, JSON.stringify(token));
  }
});

test('content words are not stop words', () => {
  for (const word of ['数据', '数据中心', '算力', '贵州', '5g', '东数西算', 'data', '2025']) {
    assert.equal(isStopword(word), false, word);
  }
});

test('the set holds only simplified lower-case entries', () => {
  for (const word of STOPWORDS) assert.equal(word, word.toLowerCase().normalize('NFKC'));
  assert.equal(STOPWORDS.has('們'), false);
});
