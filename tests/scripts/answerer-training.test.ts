import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseThreshold, refusedShare, type Judged, type Kind } from '../../scripts/lib/answerer-training.ts';

/** `count` questions of one kind with confidences spread evenly from `from` to `to`. */
function spread(kind: Kind, count: number, from: number, to: number): Judged[] {
  return Array.from({ length: count }, (_, i) => ({ kind, label: kind === 'in' ? 1 : 0, confidence: from + ((to - from) * i) / (count - 1) }));
}
const curveOf = (judged: Judged[]) => ({ judged, rows: [], buckets: [] });

describe('refusedShare', () => {
  it('counts the questions of one kind below the threshold', () => {
    const judged = [...spread('in', 11, 0, 1), ...spread('out', 3, 0, 0.2)];
    assert.equal(refusedShare(judged, 'in', 0.35), 4 / 11);
    assert.equal(refusedShare(judged, 'out', 0.35), 1);
    assert.equal(refusedShare(judged, 'removed', 0.35), 0, 'no question of the kind');
  });
});

describe('chooseThreshold', () => {
  it('goes as high as the wrong-refusal budget allows once 90% of out-of-corpus questions are refused', () => {
    // Answerable questions from 0.30 up: none is refused below 0.30, so the budget allows about 0.32.
    const judged = [...spread('in', 101, 0.3, 1), ...spread('out', 101, 0, 0.2)];
    const t = chooseThreshold(curveOf(judged));
    assert.ok(refusedShare(judged, 'out', t) >= 0.9);
    assert.ok(refusedShare(judged, 'in', t) <= 0.04);
    assert.ok(t > 0.3, `threshold ${t}`);
  });

  it('never goes below the lowest threshold that refuses 90% of out-of-corpus questions', () => {
    const judged = [...spread('in', 101, 0, 1), ...spread('out', 101, 0, 0.5)];
    const t = chooseThreshold(curveOf(judged));
    assert.ok(refusedShare(judged, 'out', t) >= 0.9);
    assert.ok(refusedShare(judged, 'out', t - 0.01) < 0.9, `threshold ${t}`);
  });
});
