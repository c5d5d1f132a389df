import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digitRuns, statesFigure, statesRangeHolding } from '../../src/text/figures.ts';

describe('figures written with digits', () => {
  it('reads the digit runs of a text', () => {
    assert.deepEqual(digitRuns('截至2019年底，共有3.5万人'), ['2019', '3', '5']);
    assert.deepEqual(digitRuns('没有数字'), []);
  });

  it('finds a figure only where it stands on its own', () => {
    assert.equal(statesFigure('图书馆于2019年开馆。', '2019'), true);
    assert.equal(statesFigure('编号为120195的藏品', '2019'), false);
    assert.equal(statesFigure('编号120195，另有2019年入藏的', '2019'), true, 'a later occurrence on its own still counts');
  });

  it('counts a figure inside a stated range as stated, and not one outside it', () => {
    const rule = '60周岁至69周岁的，每月发放50元；借阅期限为7-14天。';
    assert.equal(statesRangeHolding(rule, 65), true);
    assert.equal(statesRangeHolding(rule, 10), true);
    assert.equal(statesRangeHolding(rule, 70), false);
    assert.equal(statesRangeHolding('每月发放50元', 50), false, 'a single figure is not a range');
  });
});
