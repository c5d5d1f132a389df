import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstName, nameKind, questionParts } from '../../src/qa/question-phrases.ts';

describe('questionParts', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['数据中心要充分利用哪些可再生能源？', '数据中心', '可再生能源'],
    ['到2025年贵州要培育几家百亿级平台经济企业？', '贵州', '平台经济企业'],
    ['贵州省数字经济发展的主要任务有哪些？', '贵州省数字经济发展', '主要任务'],
    ['东数西算工程在甘肃布局了哪些节点？', '东数西算工程', '节点'],
    // No noun before the verb: the longest phrase anywhere is the subject.
    ['为什么要实施东数西算？', '东数西算', undefined],
  ];
  for (const [question, subject, asked] of cases) {
    it(`finds subject ${subject} and asked-about ${asked} in ${question}`, () => {
      const parts = questionParts(question);
      assert.equal(parts.subject?.text, subject);
      assert.equal(parts.asked?.text, asked);
    });
  }

  it('gives phrases with offsets into the question, cut at 的', () => {
    const question = '贵州省数字经济发展的主要任务有哪些？';
    const parts = questionParts(question);
    assert.deepEqual(
      parts.phrases.map((p) => p.text),
      ['贵州省数字经济发展', '主要任务'],
    );
    for (const p of parts.phrases) assert.equal(question.slice(p.start, p.end), p.text);
  });
});

describe('names', () => {
  it('tells places apart and finds the first one', () => {
    const parts = questionParts('东数西算工程在甘肃布局了哪些节点？');
    assert.equal(firstName(parts, 'place')?.word, '甘肃');
    const guizhou = questionParts('贵州');
    assert.equal(nameKind(guizhou.words, guizhou.phrases[0]!), 'place');
    const cluster = questionParts('集群');
    assert.equal(nameKind(cluster.words, cluster.phrases[0]!), undefined);
  });
});
