import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerTypeOf, isLatinScript, wantsPhrase, type AnswerType } from '../../src/answer/question-analysis.ts';

describe('answerTypeOf', () => {
  const cases: [string, AnswerType][] = [
    ['贵阳大数据交易所何时成立？', 'time'],
    ['习近平总书记哪一年在贵阳市考察？', 'time'],
    ['徐麟什么时候调研东数西算？', 'time'],
    ['中国国际大数据产业博览会在哪年举办？', 'time'],
    ['平台经济综合收入要突破多少？', 'number'],
    ['贵州投运及在建的大型超大型数据中心有几个？', 'number'],
    ['数字经济占地区生产总值比重是多少？', 'number'],
    ['FAST数据中心在哪里？', 'place'],
    ['锂离子电池产业布局在哪些地方？', 'place'],
    ['獬豸计划的负责单位是哪里？', 'place'],
    ['哪家公司生产了这台净水器？', 'person'],
    ['这次会议开了多久？', 'time'],
    ['贵州要培育壮大哪些新兴数字产业？', 'list'],
    ['国家枢纽节点有哪几方面重点任务？', 'list'],
    ['“5+2+2”任务框架包括哪三大支撑？', 'list'],
    ['我国数字经济发展存在哪两个问题？', 'list'],
    ['现代产业体系的三项举措是什么？', 'list'],
    ['数据中心集群在哪个城市？', 'place'],
    ['东数西算是什么？', 'definition'],
    ['什么是国家枢纽节点？', 'definition'],
    ['谁主持召开了东数西算座谈会？', 'person'],
    ['为什么要规范数字经济发展？', 'reason'],
    ['数据中心要怎样降低能耗', 'other'],
    ['When did Guizhou start building data centers?', 'time'],
    ['How many data centers does Guizhou have?', 'number'],
    ['How often should the filter be replaced?', 'time'],
    ['How deep is the reservoir?', 'number'],
    ['水库有多深？', 'number'],
    ['What is the East Data West Computing project?', 'definition'],
  ];
  for (const [question, type] of cases) {
    it(`${question} → ${type}`, () => assert.equal(answerTypeOf(question), type));
  }

  it('reads traditional characters and full-width punctuation as their simplified forms', () => {
    assert.equal(answerTypeOf('貴州數字經濟佔地區生產總值比重是多少？'), 'number');
    assert.equal(answerTypeOf('習近平總書記哪一年在貴陽市考察？'), 'time');
    assert.equal(answerTypeOf('貴州要培育壯大哪些新興數字產業？'), 'list');
  });

  it('takes the time reading of 哪一年 before the list reading of 哪', () => {
    assert.equal(answerTypeOf('哪一年'), 'time');
    assert.equal(answerTypeOf('哪些年份'), 'list');
  });
});

describe('wantsPhrase', () => {
  it('holds for the kinds whose answer is a value or a name', () => {
    const types: AnswerType[] = ['time', 'number', 'place', 'person', 'list', 'definition', 'reason', 'other'];
    assert.deepEqual(types.filter(wantsPhrase), ['time', 'number', 'place', 'person']);
  });
});

describe('isLatinScript', () => {
  it('is true for Latin-only questions and false once any Chinese character appears', () => {
    assert.equal(isLatinScript('When was the Eiffel Tower built?'), true);
    assert.equal(isLatinScript('FAST 是什么？'), false);
    assert.equal(isLatinScript('2025？'), false);
    assert.equal(isLatinScript(''), false);
  });
});
