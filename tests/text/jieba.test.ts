import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { normaliseForMatch, toTraditional } from '../../src/text/normalise.ts';

const tokenizer = new JiebaTokenizer();

test('search mode yields long words and their parts, without stop words or punctuation', () => {
  assert.deepEqual(tokenizer.tokenize('数字经济健康发展有哪三个“有利于”？'), [
    '数字', '经济', '健康', '发展', '三个', '有利', '利于', '有利于',
  ]);
  assert.deepEqual(tokenizer.tokenize('对于京津冀、长三角等节点，数据中心的定位是什么？'), [
    '京津', '京津冀', '长三', '三角', '长三角', '节点', '数据', '中心', '数据中心', '定位',
  ]);
});

test('a traditional and a simplified question give the same terms', () => {
  for (const question of ['数字经济健康发展有哪三个“有利于”？', '对于京津冀、长三角等节点，数据中心的定位是什么？']) {
    const traditional = toTraditional(question);
    assert.notEqual(traditional, question);
    assert.deepEqual(tokenizer.tokenize(traditional), tokenizer.tokenize(question));
  }
});

test('terms are lower-case and full-width Latin is folded; English stop words go', () => {
  assert.deepEqual(tokenizer.tokenize('What is the ＤＡＴＡ Center of 贵州？'), ['data', 'center', '贵州']);
});

test('words() is precise mode: one segmentation, same filtering', () => {
  assert.deepEqual(tokenizer.words('数字经济健康发展有哪三个“有利于”？'), ['数字', '经济', '健康', '发展', '三个', '有利于']);
});

test('empty and stop-word-only text give no terms', () => {
  assert.deepEqual(tokenizer.tokenize(''), []);
  assert.deepEqual(tokenizer.tokenize('的了吗？！'), []);
  assert.deepEqual(tokenizer.words('  \n '), []);
});

test('tag gives jieba part-of-speech tags of normalised text: places, people, numerals', () => {
  const tokenizer = new JiebaTokenizer();
  const tagged = tokenizer.tag('鲁迅昨天从杭州出发，带了三本书');
  assert.ok(tagged.some((t) => t.word === '杭州' && t.tag === 'ns'), JSON.stringify(tagged));
  assert.ok(tagged.some((t) => t.word === '鲁迅' && t.tag.startsWith('nr')), JSON.stringify(tagged));
  assert.equal(tagged.map((t) => t.word).join(''), '鲁迅昨天从杭州出发，带了三本书');
});

test('tokenizing normalised text gives the terms of the text it came from', () => {
  const tokenizer = new JiebaTokenizer();
  for (const text of ['對於長三角的數據中心', 'What is the ＤＡＴＡ Center of 贵州？', '数据中 心的定位']) {
    assert.deepEqual(tokenizer.tokenizeNormalised(normaliseForMatch(text)), tokenizer.tokenize(text));
  }
});
