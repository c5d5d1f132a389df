import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFollowUp, rewriteFollowUp, ruleRewriter, standaloneQuestion } from '../../src/qa/rule-rewriter.ts';
import type { ChatTurn } from '../../src/types.ts';

const PLATFORMS = '到2025年贵州要培育几家百亿级平台经济企业？';
const ENERGY = '数据中心要充分利用哪些可再生能源？';

function conversation(...questions: string[]): ChatTurn[] {
  return questions.flatMap((content): ChatTurn[] => [
    { role: 'user', content },
    { role: 'assistant', content: '答案[1]。' },
  ]);
}

describe('isFollowUp', () => {
  const followUps = ['那贵州呢？', '它的目标是多少？', '还有呢', '那2035年呢？', '那么它们分别在哪里？', '这些枢纽节点的作用是什么？', '另外还有什么要求？', '其目标是多少？'];
  for (const question of followUps) it(`takes “${question}” as a follow-up`, () => assert.equal(isFollowUp(question), true));

  const standalone = [
    '数字经济健康发展有哪三个“有利于”？',
    '贵州省数字经济发展的主要任务有哪些？',
    // 其 refers back inside the question itself.
    '数据中心应如何提高其能效？',
    // 其他 / 其中 / 因此 merely contain a pronoun's character.
    '东数西算工程还有其他哪些目标？',
    '为什么要实施东数西算工程？',
  ];
  for (const question of standalone) it(`takes “${question}” as standalone`, () => assert.equal(isFollowUp(question), false));
});

describe('rewriteFollowUp', () => {
  const cases: [string, string, string, string][] = [
    ['swaps a year for the year of the previous question', PLATFORMS, '那2035年呢？', '到2035年贵州要培育几家百亿级平台经济企业？'],
    ['replaces 它 with the previous subject', ENERGY, '它的目标是多少？', '数据中心的目标是多少？'],
    ['reads 其 as 它的', ENERGY, '其目标是多少？', '数据中心的目标是多少？'],
    ['swaps a place for the place of the previous question', '东数西算工程在甘肃布局了哪些节点？', '那贵州呢？', '东数西算工程在贵州布局了哪些节点？'],
    ['puts the new place in place of the country as the scope', '国家规划了多少个国家数据中心集群？', '那贵州呢？', '贵州规划了多少个国家数据中心集群？'],
    ['narrows a question without a place to the new place', '数字经济发展的主要任务有哪些？', '那贵州呢？', '贵州数字经济发展的主要任务有哪些？'],
    ['puts a new noun in place of the previous subject', ENERGY, '那集群呢？', '集群要充分利用哪些可再生能源？'],
    ['resolves 它们 to the things asked about, with their owner', '京津冀枢纽规划设立几个数据中心集群？', '那么它们分别在哪里？', '京津冀枢纽规划的数据中心集群分别在哪里？'],
    ['resolves 这些X to the previous phrase holding X', '全国一体化大数据中心体系要建设几个国家算力枢纽节点？', '这些枢纽节点的作用是什么？', '国家算力枢纽节点的作用是什么？'],
    ['resolves 该X to the previous subject ending in X', '东数西算工程的主要目的是什么？', '该工程的意义？', '东数西算工程的意义？'],
    ['asks a content-free follow-up of the whole previous question', ENERGY, '还有呢', '数据中心要充分利用哪些可再生能源，还有呢？'],
    ['gives a subject-less follow-up the previous subject and setting', PLATFORMS, '另外目标是多少？', '到2025年贵州的目标是多少？'],
    ['asks a follow-up naming nothing of what the previous question was about', '屏幕上出现F3是什么意思？', '该怎么办？', '屏幕上出现F3，该怎么办？'],
    ['resolves 该X to a quoted name ending in X', '“滨江科技创新试验区”要对接哪个城市群？', '该试验区重点引进哪些企业？', '“滨江科技创新试验区”重点引进哪些企业？'],
    ['swaps a number with the same unit', '1号线的首班车是几点？', '那3号的呢？', '3号线的首班车是几点？'],
    ['swaps an age range for an age with the same unit', '60到69岁老人的乘车优惠是多少？', '70岁以上的呢？', '70岁以上老人的乘车优惠是多少？'],
    ['swaps a word for a sibling with the same last character', '月末结账的截止时间是几点？', '周末呢？', '周末结账的截止时间是几点？'],
    ['gives 那时候 the year of the previous question', '1988年全县有几座水库？', '那时候为什么会增加？', '1988年全县有几座水库，1988年为什么会增加？'],
    ['reads 其中 as “among the things asked about”', '推动数字经济健康发展有哪些重要举措？', '其中第三项是什么？', '数字经济健康发展的重要举措中第三项是什么？'],
    ['appends a bare 这 (the whole previous question) to it', ENERGY, '这是为什么？', '数据中心要充分利用哪些可再生能源，这是为什么？'],
    ['swaps a five-year period', '“十四五”时期贵州数字经济的发展目标是什么？', '那“十五五”呢？', '“十五五”时期贵州数字经济的发展目标是什么？'],
  ];
  for (const [name, previous, question, expected] of cases) {
    it(name, () => assert.equal(rewriteFollowUp(question, previous), expected));
  }

  it('returns a standalone question unchanged, character for character', () => {
    for (const question of ['贵州省数字经济发展的主要任务有哪些？', '数据中心应如何提高其能效？', '  5G 网络建设的目标是什么?  ']) {
      assert.equal(rewriteFollowUp(question, ENERGY), question);
    }
  });

  it('returns a follow-up unchanged when there is no previous question', () => {
    assert.equal(rewriteFollowUp('那贵州呢？', ''), '那贵州呢？');
  });
});

describe('standaloneQuestion', () => {
  it('resolves a chain of follow-ups from the oldest question on', () => {
    const history = conversation(PLATFORMS, '那甘肃呢？');
    assert.equal(standaloneQuestion('那2035年呢？', history), '到2035年甘肃要培育几家百亿级平台经济企业？');
  });

  it('uses user turns only: assistant answers are never the previous question', () => {
    const history: ChatTurn[] = [
      { role: 'user', content: ENERGY },
      { role: 'assistant', content: '要充分利用风能、太阳能、潮汐能、生物质能等可再生能源[1]。' },
    ];
    assert.equal(standaloneQuestion('它的目标是多少？', history), '数据中心的目标是多少？');
  });

  it('keeps the question when the history has no user turn', () => {
    assert.equal(standaloneQuestion('那贵州呢？', [{ role: 'assistant', content: '你好' }]), '那贵州呢？');
  });
});

describe('ruleRewriter', () => {
  it('is a QuestionRewriter giving the standalone question', async () => {
    assert.equal(await ruleRewriter('那2035年呢？', conversation(PLATFORMS)), '到2035年贵州要培育几家百亿级平台经济企业？');
    assert.equal(await ruleRewriter('贵州要发展哪些人工智能产品？', conversation(PLATFORMS)), '贵州要发展哪些人工智能产品？');
  });
});
