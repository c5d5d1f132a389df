import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateSentences } from '../../src/answer/candidates.ts';
import { scoreCandidate, type WeightedTerm } from '../../src/answer/sentence-scoring.ts';
import type { SearchResult } from '../../src/types.ts';

function passage(section: string[], text: string): SearchResult {
  return { id: 'p', source: 'a.txt', section, start: 0, end: text.length, text, score: 1, debug: { bm25Rank: 1, vectorRank: null, matchedTerms: [] } };
}

const terms: WeightedTerm[] = [
  { term: '科技', weight: 1, focus: true },
  { term: '国发', weight: 1, focus: false },
];

/** Coverage of the passage's first sentence. */
function coverage(section: string[], text: string): number {
  const [first] = candidateSentences([passage(section, text)]);
  return Number(scoreCandidate(first!, terms, 'other', 1).coverage.toFixed(3));
}

describe('scoreCandidate', () => {
  it('credits a term in full in the sentence, 0.6 in its own heading or any heading above it, 0.3 elsewhere in the passage', () => {
    assert.equal(coverage([], '一是提升科技创新能力。'), 0.5);
    assert.equal(coverage(['国发文件部署'], '一是提升科技创新能力。'), 0.8);
    assert.equal(coverage(['国发文件部署', '三项举措'], '一是提升科技创新能力。'), 0.8);
    assert.equal(coverage([], '一是提升科技创新能力。国发文件另有部署。'), 0.65);
    assert.equal(coverage([], '一是提升科技创新能力,落实国发文件。'), 1);
  });
});
