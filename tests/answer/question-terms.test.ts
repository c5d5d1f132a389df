import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { questionTerms, type QuestionTermSources } from '../../src/answer/question-terms.ts';
import type { WeightedTerm } from '../../src/answer/sentence-scoring.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';

const tokenizer = new JiebaTokenizer();

/** Real segmentation, every term equally informative: what is left to test is which terms and which are in focus. */
function sources(weight = 1): QuestionTermSources {
  return { words: (text) => tokenizer.words(text), termWeight: () => weight };
}

/** [term, weight rounded to 3 places, focus], in the order questionTerms lists them (words, then bigrams). */
function compact(terms: WeightedTerm[]): [string, number, boolean][] {
  return terms.map((t) => [t.term, Number(t.weight.toFixed(3)), t.focus]);
}

const sum = (terms: WeightedTerm[]) => terms.reduce((s, t) => s + t.weight, 0);

describe('questionTerms', () => {
  it('drops 哪些地方 and marks the words next to it as the focus', () => {
    assert.deepEqual(compact(questionTerms('锂离子电池产业在哪些地方发展', sources())), [
      ['锂离子', 1, false],
      ['电池', 1, true],
      ['产业', 1, true],
      ['发展', 1, true],
      ['锂离', 0.5, false],
      ['离子', 0.5, false],
      ['子电', 0.5, false],
      ['电池', 0.5, true],
      ['池产', 0.5, true],
      ['产业', 0.5, true],
      ['业在', 0.5, true],
      ['发展', 0.5, true],
    ]);
  });

  it('drops 什么 and 多少 and never pairs characters across the removed question word', () => {
    const what = questionTerms('数据中心要利用什么能源', sources()).map((t) => t.term);
    assert.deepEqual(what, ['数据中心', '利用', '能源', '数据', '据中', '中心', '心要', '要利', '利用', '能源']);
    const howMuch = questionTerms('平台经济综合收入要突破多少', sources()).map((t) => t.term);
    assert.equal(howMuch.some((t) => t.includes('多') || t.includes('少')), false);
  });

  it('drops 哪一年 whole: the year asked for is not a word to match', () => {
    assert.deepEqual(questionTerms('博览会是哪一年举办的', sources()).map((t) => t.term), ['博览会', '举办', '博览', '览会', '会是', '举办', '办的']);
  });

  it('drops a counted question word with its noun (哪两个问题), 第几, and the phrasing that leads into it (具体包括)', () => {
    const words = (question: string) => questionTerms(question, sources()).map((t) => t.term);
    assert.deepEqual(words('数字经济存在哪两个问题'), ['数字', '经济', '存在', '数字', '字经', '经济', '济存', '存在']);
    assert.deepEqual(words('算力指数排第几'), ['算力', '指数', '排', '算力', '力指', '指数', '数排']);
    assert.deepEqual(words('发展目标具体包括哪几个方面'), ['发展', '目标', '发展', '展目', '目标']);
  });

  it('drops 什么时候 and puts the framing far from the question word out of focus', () => {
    assert.deepEqual(compact(questionTerms('徐麟什么时候调研东数西算', sources())), [
      ['徐麟', 1, true],
      ['调研', 1, true],
      ['东数', 1, true],
      ['西算', 1, false],
      ['徐麟', 0.667, true],
      ['调研', 0.667, true],
      ['研东', 0.667, true],
      ['东数', 0.667, true],
      ['数西', 0.667, true],
      ['西算', 0.667, false],
    ]);
  });

  it('keeps a clause without the question word out of focus', () => {
    const terms = questionTerms('到2025年，贵州要培育多少家百亿级数字经济企业', sources());
    const focusOf = new Map(terms.map((t) => [t.term, t.focus]));
    assert.equal(focusOf.get('2025'), false);
    assert.equal(focusOf.get('年'), false);
    for (const term of ['贵州', '培育', '百亿', '家百', '亿级']) assert.equal(focusOf.get(term), true, term);
    for (const term of ['企业', '经济', '济企']) assert.equal(focusOf.get(term), false, term);
  });

  it('puts every term in focus when the question has no question word', () => {
    const terms = questionTerms('数据中心集群配套可再生能源电站', sources());
    assert.ok(terms.length > 0);
    assert.equal(terms.every((t) => t.focus), true);
  });

  it('caps single characters at weight 1 and scales bigrams to the words’ total weight', () => {
    const terms = questionTerms('到2025年，贵州要培育多少家百亿级数字经济企业', sources(5));
    const words = terms.slice(0, 10);
    const bigrams = terms.slice(10);
    assert.deepEqual(
      words.map((t) => [t.term, t.weight]),
      [['2025', 5], ['年', 1], ['贵州', 5], ['培育', 5], ['家', 1], ['百亿', 5], ['级', 1], ['数字', 5], ['经济', 5], ['企业', 5]],
    );
    assert.equal(bigrams.length, 13);
    assert.ok(Math.abs(sum(bigrams) - sum(words)) < 1e-9, `${sum(bigrams)} ≠ ${sum(words)}`);
  });

  it('weighs each term by the given IDF', () => {
    const idf: Record<string, number> = { 数据中心: 0.5, 利用: 2, 能源: 3.5 };
    const terms = questionTerms('数据中心要利用什么能源', { words: (text) => tokenizer.words(text), termWeight: (t) => idf[t] ?? 1 });
    assert.deepEqual(
      terms.slice(0, 3).map((t) => [t.term, t.weight]),
      [['数据中心', 0.5], ['利用', 2], ['能源', 3.5]],
    );
  });

  it('reads traditional characters as simplified', () => {
    assert.deepEqual(questionTerms('數據中心要利用什麼能源', sources()), questionTerms('数据中心要利用什么能源', sources()));
  });

  it('has no terms for a question that is only a question word', () => {
    assert.deepEqual(questionTerms('什么？', sources()), []);
    assert.deepEqual(questionTerms('多少', sources()), []);
  });
});
