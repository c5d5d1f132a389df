import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StableCitations } from '../../src/server/stable-citations.ts';
import type { AskResponse, Citation } from '../../src/types.ts';

function citation(n: number, id: string): Citation {
  return { n, id, text: `passage ${id}`, source: 'a.txt', section: [], start: n * 10, end: n * 10 + 5, score: 1 / n };
}

const ALL = [citation(1, 'a'), citation(2, 'b'), citation(3, 'c')];

function response(answer: string, citations: Citation[]): AskResponse {
  return { status: 'answered', answer, mode: 'llm', citations, question: 'q' };
}

describe('StableCitations', () => {
  it('numbers passages by first mention, as the final response does', () => {
    const numbering = new StableCitations();
    assert.equal(numbering.numberBy(ALL), '');
    assert.equal(numbering.push('甲[3]。'), '甲[1]。');
    assert.equal(numbering.push('乙[1][3]。'), '乙[1][2]。');
    const final = response('甲[1]。乙[1][2]。', [
      { ...ALL[2]!, n: 1 },
      { ...ALL[0]!, n: 2 },
    ]);
    assert.equal(numbering.flush(), '');
    assert.equal(numbering.text, '甲[1]。乙[1][2]。');
    assert.deepEqual(numbering.citationsFor(final), final.citations);
  });

  it('holds back a marker split across deltas until it is complete', () => {
    const numbering = new StableCitations();
    numbering.numberBy(ALL);
    assert.equal(numbering.push('格局['), '格局');
    assert.equal(numbering.push('2'), '');
    assert.equal(numbering.push(']，体系'), '[1]，体系');
  });

  it('drops markers naming no passage, and sends a held tail at the end', () => {
    const numbering = new StableCitations();
    numbering.numberBy(ALL);
    assert.equal(numbering.push('甲[9]。乙[2'), '甲。乙');
    assert.equal(numbering.flush(), '[2');
  });

  it('keeps numbers when the answer starts over, and cites what was sent', () => {
    const numbering = new StableCitations();
    numbering.numberBy(ALL);
    assert.equal(numbering.push('部分[2]'), '部分[1]');
    // The fallback numbers its own citations from 1.
    assert.equal(numbering.numberBy([citation(1, 'c'), citation(2, 'b')]), '');
    assert.equal(numbering.push('全文[1][2]。'), '\n\n全文[1][2]。');
    const final = response('全文[1][2]。', [citation(1, 'c'), citation(2, 'b')]);
    // b keeps the number it was first sent with; c is numbered on its first mention, from the fallback's list.
    assert.deepEqual(numbering.citationsFor(final), [
      { ...ALL[1]!, n: 1 },
      { ...citation(1, 'c'), n: 2 },
    ]);
  });
});
