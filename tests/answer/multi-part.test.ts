import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { combineParts } from '../../src/answer/multi-part.ts';
import type { AskResponse, Citation } from '../../src/types.ts';

const cite = (n: number, start: number, text: string): Citation => ({ n, id: `a#${start}`, text, source: 'a.txt', section: [], start, end: start + text.length, score: 1 });
const part = (answer: string, citations: Citation[], confidence: number, status: AskResponse['status'] = 'answered'): AskResponse => ({ status, answer, mode: 'extractive', citations, question: 'q', confidence });
const refusal = part('文档中没有能回答这个问题的内容。', [], 0.1, 'no_answer');

describe('combineParts', () => {
  it('joins the answered parts with citations numbered anew and the least confidence', () => {
    const combined = combineParts('婚假几天？多久休完？', [part('婚假13天。[1]', [cite(1, 0, '婚假13天。')], 0.9), part('一年内休完。[1]', [cite(1, 20, '一年内休完。')], 0.6)], refusal);
    assert.equal(combined.answer, '婚假13天。[1]一年内休完。[2]');
    assert.deepEqual(combined.citations.map((c) => [c.n, c.start]), [[1, 0], [2, 20]]);
    assert.equal(combined.confidence, 0.6);
    assert.equal(combined.question, '婚假几天？多久休完？');
  });

  it('cites a span and says a quote once when two parts quote it, and leaves refused parts out', () => {
    const same = cite(1, 5, '婚假13天，一年内休完。');
    const combined = combineParts('q', [part('婚假13天，一年内休完。[1]', [same], 0.8), part('婚假13天，一年内休完。[1]', [same], 0.7), refusal], refusal);
    assert.equal(combined.citations.length, 1);
    assert.equal(combined.answer, '婚假13天，一年内休完。[1]');
  });

  it('leaves out a part whose quote another part already says', () => {
    const days = part('婚假13天。[1]', [cite(1, 0, '婚假13天。')], 0.9);
    const both = part('婚假13天。一年内休完。[1]', [cite(1, 0, '婚假13天。一年内休完。')], 0.7);
    const combined = combineParts('婚假几天？多久休完？', [days, both], refusal);
    assert.equal(combined.answer, '婚假13天。一年内休完。[1]');
    assert.deepEqual(combined.citations.map((c) => c.text), ['婚假13天。一年内休完。']);
    assert.equal(combined.confidence, 0.7);
    const apart = combineParts('q', [days, part('一年内休完。[1]', [cite(1, 20, '一年内休完。')], 0.6)], refusal);
    assert.equal(apart.answer, '婚假13天。[1]一年内休完。[2]', 'parts that say different things both stay');
  });

  it('is the refusal when no part is answered', () => {
    assert.equal(combineParts('q', [refusal, refusal], refusal), refusal);
  });
});
