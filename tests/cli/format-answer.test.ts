import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { citationHeading, formatAnswer } from '../../src/cli/format-answer.ts';
import type { AskResponse } from '../../src/types.ts';

const answered: AskResponse = {
  status: 'answered',
  answer: '要加快培育一批“专精特新”企业和制造业单项冠军企业[1]。\n',
  mode: 'extractive',
  question: '推动数字经济和实体经济融合发展时，要加快培育哪类企业？',
  citations: [
    {
      n: 1,
      id: 'c0009',
      text: '要推动互联网、大数据、人工智能同产业深度融合,\n加快培育一批“专精特新”企业和制造业单项冠军企业。',
      source: '000_dcbe81f0de4cc422.txt',
      section: ['二、深度解读', '(一)中央和国家层面部署', '3.推动我国数字经济健康发展的7项重要举措'],
      start: 1147,
      end: 1207,
      score: 0.0328,
    },
    {
      n: 2,
      id: 'c0001',
      text: '2024年6月26日至27日,省委书记、省人大常委会主任徐麟调研“东数西算”推进情况并主持召开座谈会。',
      source: 'notes/intro.md',
      section: [],
      start: 6,
      end: 56,
      score: 0.0161,
    },
  ],
};

describe('formatAnswer', () => {
  it('prints the answer, then numbered sources with the cited text indented', () => {
    assert.equal(
      formatAnswer(answered),
      [
        '要加快培育一批“专精特新”企业和制造业单项冠军企业[1]。',
        '',
        'Sources:',
        '[1] 000_dcbe81f0de4cc422.txt › 二、深度解读 › (一)中央和国家层面部署 › 3.推动我国数字经济健康发展的7项重要举措',
        '    要推动互联网、大数据、人工智能同产业深度融合,',
        '    加快培育一批“专精特新”企业和制造业单项冠军企业。',
        '[2] notes/intro.md',
        '    2024年6月26日至27日,省委书记、省人大常委会主任徐麟调研“东数西算”推进情况并主持召开座谈会。',
        '',
      ].join('\n'),
    );
  });

  it('prints a no-answer response without a sources list', () => {
    const response: AskResponse = { status: 'no_answer', answer: '资料中没有找到这个问题的答案。', mode: 'extractive', question: '火星上有咖啡馆吗', citations: [] };
    assert.equal(formatAnswer(response), '资料中没有找到这个问题的答案。\n');
  });

  it('notes when the language model was unavailable', () => {
    const output = formatAnswer({ ...answered, citations: [], fallback: 'llm_unavailable' });
    assert.equal(
      output,
      '要加快培育一批“专精特新”企业和制造业单项冠军企业[1]。\n\n(The language model was unavailable: this answer is quoted from the documents.)\n',
    );
  });
});

describe('citationHeading', () => {
  it('joins source and section path with ›', () => {
    assert.equal(citationHeading({ n: 3, source: 'a/b.html', section: ['概述', '背景'] }), '[3] a/b.html › 概述 › 背景');
  });
});

describe('formatAnswer: confidence and short answers', () => {
  const base: AskResponse = {
    status: 'answered',
    answer: '该厂于1998年迁至城东。[1]',
    mode: 'extractive',
    question: '该厂哪一年迁至城东？',
    citations: [{ n: 1, id: 'a#0', text: '该厂于1998年迁至城东。', source: 'a.txt', section: [], start: 0, end: 13, score: 1 }],
  };

  it('puts the short answer first, with its citation', () => {
    const out = formatAnswer({ ...base, confidence: 0.9, short: { text: '1998年', citation: 1, start: 3, end: 8 } });
    assert.match(out, /^Short answer: 1998年 \[1\]\n\n该厂于1998年/);
    assert.doesNotMatch(out, /Low confidence/);
  });

  it('marks an answer below the confidence bar as uncertain, and says nothing of confidence on refusals', () => {
    assert.match(formatAnswer({ ...base, confidence: 0.31 }), /\(Low confidence, 0\.31: check the sources below\.\)/);
    assert.doesNotMatch(formatAnswer({ ...base, status: 'no_answer', confidence: 0.1 }), /Low confidence/);
  });
});
