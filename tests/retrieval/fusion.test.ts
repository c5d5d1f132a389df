import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reciprocalRankFusion } from '../../src/retrieval/fusion.ts';

test('an item ranked well by both lists beats one ranked first by one list only', () => {
  const fused = reciprocalRankFusion([
    { ids: ['a', 'b', 'c'], weight: 1 },
    { ids: ['b', 'd', 'a'], weight: 1 },
  ], 60);
  assert.deepEqual(fused.map((f) => f.id), ['b', 'a', 'd', 'c']);
  assert.deepEqual(fused[0]!.ranks, [2, 1]);
  assert.deepEqual(fused.find((f) => f.id === 'c')!.ranks, [3, null]);
  assert.equal(fused[0]!.score, 1 / 62 + 1 / 61);
});

test('weights shift the balance between lists', () => {
  const lists = (w: number) => [
    { ids: ['x'], weight: w },
    { ids: ['y'], weight: 1 },
  ];
  assert.equal(reciprocalRankFusion(lists(2))[0]!.id, 'x');
  assert.equal(reciprocalRankFusion(lists(0.5))[0]!.id, 'y');
});

test('a weight of zero removes a list from the order but keeps its items last', () => {
  const fused = reciprocalRankFusion([
    { ids: [1, 2], weight: 0 },
    { ids: [3], weight: 1 },
  ]);
  assert.equal(fused[0]!.id, 3);
  assert.equal(fused.length, 3);
});

test('a duplicate within one list counts once, at its best rank', () => {
  const fused = reciprocalRankFusion([{ ids: ['a', 'a'], weight: 1 }], 10);
  assert.equal(fused.length, 1);
  assert.equal(fused[0]!.score, 1 / 11);
});
