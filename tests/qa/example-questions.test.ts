import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleQuestions, headingQuestion } from '../../src/qa/example-questions.ts';
import type { ChunkRecord } from '../../src/types.ts';

function chunk(source: string, ...section: string[]): ChunkRecord {
  return { id: `${source}#${section.join('/')}`, source, section, start: 0, end: 1, text: '…' };
}

describe('headingQuestion', () => {
  const cases: [string, string | undefined][] = [
    ['(四)国家枢纽节点重点任务', '国家枢纽节点重点任务有哪些？'],
    ['2.“十四五”数字经济发展基本原则', '“十四五”数字经济发展基本原则有哪些？'],
    ['4.1 入职材料', '入职材料有哪些？'],
    ['第三章 安全注意事项', '安全注意事项有哪些？'],
    ['★贵州省数字经济基本情况', undefined],
    ['二、深度解读', undefined],
    ['3. 成都研发中心：四川省成都市高新区天府大道中段666号，于2021年9月启用。', undefined],
    ['目标', undefined],
  ];
  for (const [heading, expected] of cases) it(`${heading} → ${expected ?? 'none'}`, () => assert.equal(headingQuestion(heading), expected));
});

describe('exampleQuestions', () => {
  it('takes the documents in turn, once per question, up to the count', () => {
    const chunks = [
      chunk('a.txt', '一、总则', '(一)基本原则'),
      chunk('a.txt', '一、总则', '(一)基本原则'),
      chunk('a.txt', '(二)主要任务'),
      chunk('a.txt', '(三)保障措施'),
      chunk('b.md', '1.1 申请条件'),
      chunk('c.html'),
    ];
    assert.deepEqual(exampleQuestions(chunks, 3), [
      { question: '基本原则有哪些？', source: 'a.txt' },
      { question: '申请条件有哪些？', source: 'b.md' },
      { question: '主要任务有哪些？', source: 'a.txt' },
    ]);
    assert.equal(exampleQuestions(chunks, 10).length, 4);
    assert.deepEqual(exampleQuestions([chunk('c.html', '引言')]), []);
  });
});
