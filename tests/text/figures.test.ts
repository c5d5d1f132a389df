import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figuresIn, statesFigure, statesFigureOrRange, statesRangeHolding } from '../../src/text/figures.ts';

describe('figures written with digits', () => {
  it('reads the figures of a text, decimals whole', () => {
    assert.deepEqual(figuresIn('截至2019年底，共有3.5万人'), ['2019', '3.5']);
    assert.deepEqual(figuresIn('没有数字'), []);
    assert.deepEqual(figuresIn('XK-B750型号显示E3，共5G'), ['b750', 'e3', '5'], 'letters then digits are a code; digits then letters a figure and its unit');
  });

  it('finds a code only where it stands whole, in either case', () => {
    assert.equal(statesFigure('故障代码E3：漏水', 'e3'), true);
    assert.equal(statesFigure('型号XK-B750', 'b750'), true);
    assert.equal(statesFigure('型号XK-B7500', 'b750'), false);
    assert.equal(statesFigure('型号AB750', 'b750'), false, 'inside a longer code');
    assert.equal(statesFigure('型号R600', '600'), false, 'a figure inside a code');
    assert.equal(statesFigure('显示E3', 'E3'), true);
    assert.deepEqual(figuresIn('PM2.5浓度'), ['pm2.5']);
    assert.equal(statesFigure('PM2.5平均浓度下降', 'pm2.5'), true, 'a code with a decimal part');
  });

  it('finds a figure only where it stands on its own', () => {
    assert.equal(statesFigure('图书馆于2019年开馆。', '2019'), true);
    assert.equal(statesFigure('编号为120195的藏品', '2019'), false);
    assert.equal(statesFigure('编号120195，另有2019年入藏的', '2019'), true, 'a later occurrence on its own still counts');
    assert.equal(statesFigure('借期3.5周', '5'), false, 'part of a decimal');
    assert.equal(statesFigure('借期3.5周', '3.5'), true);
    assert.equal(statesFigure('2019', ''), false);
  });

  it('counts a figure inside a stated range as stated, and not one outside it', () => {
    const rule = '60周岁至69周岁的，每月发放50元；借阅期限为7-14天，第3章到第5章为附录，厚度2.5～3.5厘米。';
    assert.equal(statesRangeHolding(rule, 65), true);
    assert.equal(statesRangeHolding(rule, 10), true);
    assert.equal(statesRangeHolding(rule, 4), true, 'a unit after the joint too (到第5章)');
    assert.equal(statesRangeHolding(rule, 3), true, 'decimals read whole (2.5～3.5)');
    assert.equal(statesRangeHolding(rule, 70), false);
    assert.equal(statesRangeHolding('每月发放50元', 50), false, 'a single figure is not a range');
  });

  it('reads no range into a telephone number, 截至 or 达到', () => {
    assert.equal(statesRangeHolding('咨询电话：0451-86608888', 2020), false);
    assert.equal(statesRangeHolding('1号楼截至2019年底已完工', 1500), false);
    assert.equal(statesRangeHolding('增长5%达到20亿元', 10), false);
    assert.equal(statesRangeHolding('有效期为2024年1月1日至2025年12月31日', 1990), false, 'a day and a year are two dates');
    assert.equal(statesFigureOrRange('每人每月300元，90周岁至99周岁', '92'), true);
    assert.equal(statesFigureOrRange('每人每月300元，90周岁至99周岁', '100'), false);
  });
});
