import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { splitSentences } from '../../src/chunking/sentences.ts';

const SEED = readFileSync(new URL('../../seeds/000_dcbe81f0de4cc422.txt', import.meta.url), 'utf8');
const texts = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('splits after Chinese and ASCII terminators, keeping closing quotes and brackets', () => {
  assert.deepEqual(texts('他说：“要加快建设。”然后离开！真的吗？是的；好的!ok?end;最后'), [
    '他说：“要加快建设。”',
    '然后离开！',
    '真的吗？',
    '是的；',
    '好的!',
    'ok?',
    'end;',
    '最后',
  ]);
  assert.deepEqual(texts('什么？！（注：见上。）下一句'), ['什么？！', '（注：见上。）', '下一句']);
});

test('line breaks end sentences; CRLF is handled; surrounding whitespace is excluded from spans', () => {
  const text = '  一、背景链接 \r\n\r\n 第二行。\t第三句\n';
  assert.deepEqual(splitSentences(text), [
    { start: 2, end: 8 },
    { start: 14, end: 18 },
    { start: 19, end: 22 },
  ]);
  assert.deepEqual(texts(text), ['一、背景链接', '第二行。', '第三句']);
});

test('decimals and list numbers are not split: "." is not a terminator', () => {
  assert.deepEqual(texts('1.加强绿色集约建设。增长3.5个百分点。'), ['1.加强绿色集约建设。', '增长3.5个百分点。']);
});

test('empty and whitespace-only text gives no sentences', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(' \n\u3000\r\n'), []);
});

test('on the seed: spans are exact, ordered, trimmed, and cover every non-whitespace character', () => {
  const spans = splitSentences(SEED);
  assert.equal(spans.length, 260);
  let previousEnd = 0;
  let covered = '';
  for (const span of spans) {
    assert.ok(span.start >= previousEnd && span.end > span.start);
    const sentence = SEED.slice(span.start, span.end);
    assert.equal(sentence, sentence.trim());
    assert.ok(!sentence.includes('\n'));
    covered += sentence;
    previousEnd = span.end;
  }
  assert.equal(covered.replace(/\s/g, ''), SEED.replace(/\s/g, ''));
  // a sentence ends at a terminator (with closers) or at the end of its line
  for (const span of spans) {
    const endsLine = span.end === SEED.length || /^[ \t]*(\r?\n|$)/.test(SEED.slice(span.end, span.end + 3));
    const endsSentence = /[。！？；!?;][”’」』）)】》"']*$/.test(SEED.slice(span.start, span.end));
    assert.ok(endsLine || endsSentence, SEED.slice(span.start, span.end));
  }
});
