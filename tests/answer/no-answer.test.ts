import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestCitations, noAnswerResponse } from '../../src/answer/no-answer.ts';
import type { SearchResult } from '../../src/types.ts';
import { AI_PRODUCTS, GUIZHOU_TARGETS, PLATFORM_ECONOMY, RENEWABLE_ENERGY } from '../support/seed-passages.ts';

const PASSAGES: SearchResult[] = [{ ...AI_PRODUCTS, score: 0.0323456789 }, PLATFORM_ECONOMY, RENEWABLE_ENERGY, GUIZHOU_TARGETS];

function asCitation(passage: SearchResult, n: number) {
  const { debug: _debug, ...rest } = passage;
  return { n, ...rest };
}

describe('closestCitations', () => {
  it('cites the three best passages whole, numbered 1–3, scores rounded to 4 places and no retrieval debug', () => {
    assert.deepEqual(closestCitations(PASSAGES), [
      { ...asCitation(AI_PRODUCTS, 1), score: 0.0323 },
      asCitation(PLATFORM_ECONOMY, 2),
      asCitation(RENEWABLE_ENERGY, 3),
    ]);
  });

  it('cites as many as there are when fewer than three', () => {
    assert.deepEqual(closestCitations([PLATFORM_ECONOMY]), [asCitation(PLATFORM_ECONOMY, 1)]);
    assert.deepEqual(closestCitations([]), []);
  });
});

describe('noAnswerResponse', () => {
  it('says so in Chinese and refers to every closest passage by its marker', () => {
    const question = '贵阳大数据交易所是哪一年成立的？';
    assert.deepEqual(noAnswerResponse(question, PASSAGES, 'extractive'), {
      status: 'no_answer',
      answer: '文档中没有能回答这个问题的内容。最接近的段落是[1][2][3]，供参考核对。',
      mode: 'extractive',
      citations: closestCitations(PASSAGES),
      question,
    });
  });

  it('says so in English for a Latin-script question', () => {
    const response = noAnswerResponse('When was the Eiffel Tower built?', PASSAGES.slice(0, 2), 'llm');
    assert.equal(response.answer, 'The documents do not answer this question. The closest passages are [1][2], for you to check.');
    assert.equal(response.mode, 'llm');
    assert.deepEqual(response.citations.map((c) => c.n), [1, 2]);
  });

  it('names no passages when there are none', () => {
    assert.equal(noAnswerResponse('贵州有多少个国家重点实验室？', [], 'extractive').answer, '文档中没有能回答这个问题的内容。');
    assert.equal(noAnswerResponse('Who founded Guiyang?', [], 'extractive').answer, 'The documents do not answer this question.');
    assert.deepEqual(noAnswerResponse('Who founded Guiyang?', [], 'extractive').citations, []);
  });

  it('carries debug only when given', () => {
    assert.equal('debug' in noAnswerResponse('贵州有多少个国家重点实验室？', PASSAGES, 'extractive'), false);
    const debug = { answerType: 'number', minCoverage: 0.45 };
    assert.deepEqual(noAnswerResponse('贵州有多少个国家重点实验室？', PASSAGES, 'extractive', debug).debug, debug);
  });
});
