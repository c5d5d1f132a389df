import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExactVectors } from '../../src/index/exact-vectors.ts';
import { createHnsw } from '../../src/index/vector-store.ts';

const DIMENSIONS = 32;

/** Deterministic pseudo-random vectors (a linear congruential generator), some of them negative. */
function vectors(count: number, seed: number): number[][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: count }, () => Array.from({ length: DIMENSIONS }, next));
}

describe('ExactVectors', () => {
  it('finds the same neighbours, in the same order and with the same similarities, as the graph searched in full', () => {
    const points = vectors(120, 7);
    const graph = createHnsw(DIMENSIONS, points.length);
    points.forEach((point, label) => graph.addPoint(point, label + 1000));
    graph.setEf(points.length);
    const exact = ExactVectors.of(graph);
    assert.equal(exact.size, points.length);
    for (const query of vectors(20, 99)) {
      const { neighbors, distances } = graph.searchKnn(query, 10);
      const hits = exact.search(query, 10);
      assert.deepEqual(hits.map((h) => h.label), neighbors);
      hits.forEach((hit, i) => assert.ok(Math.abs(hit.similarity - (1 - distances[i]!)) < 1e-5, `similarity ${hit.similarity} vs ${1 - distances[i]!}`));
    }
  });

  it('scores a zero query as similar to nothing rather than dividing by zero', () => {
    const graph = createHnsw(DIMENSIONS, 3);
    vectors(3, 1).forEach((point, label) => graph.addPoint(point, label));
    const hits = ExactVectors.of(graph).search(new Array(DIMENSIONS).fill(0), 2);
    assert.deepEqual(hits.map((h) => h.similarity), [0, 0]);
    assert.deepEqual(hits.map((h) => h.label), [0, 1], 'ties in label order');
  });

  it('refuses a query of another length, as the graph does', () => {
    const graph = createHnsw(DIMENSIONS, 1);
    graph.addPoint(vectors(1, 3)[0]!, 0);
    assert.throws(() => ExactVectors.of(graph).search([1, 0, 0], 1), /expected 32, but got 3/);
  });
});
