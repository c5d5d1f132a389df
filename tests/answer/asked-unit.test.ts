import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askedUnit, unitFigures } from '../../src/answer/asked-unit.ts';

describe('askedUnit', () => {
  it('reads the measure word an interrogative binds, money as 元, and 第几 as an ordinal', () => {
    assert.deepEqual(askedUnit('新仓库是哪年建成的'), { kind: 'unit', unit: '年' });
    assert.deepEqual(askedUnit('退货需要多少天'), { kind: 'unit', unit: '天' });
    assert.deepEqual(askedUnit('滤网多少钱'), { kind: 'unit', unit: '元' });
    assert.deepEqual(askedUnit('该队在联赛中排第几'), { kind: 'ordinal' });
  });

  it('asks no unit for 哪个 with a noun, or for questions without a figure', () => {
    assert.equal(askedUnit('总部设在哪个城市'), null);
    assert.equal(askedUnit('滤网用什么材料'), null);
  });
});

describe('unitFigures', () => {
  it('finds figures in the asked unit and not in others, leaving out those the question states', () => {
    const year = askedUnit('仓库2019年扩建后，是哪年搬迁的')!;
    assert.deepEqual(unitFigures(year, '仓库位于8号楼3层，2019年扩建，2021年搬迁。', '仓库2019年扩建后，是哪年搬迁的'), ['2021年']);
    assert.deepEqual(unitFigures(year, '仓库位于8号楼3层，有员工46人。', '是哪年搬迁的'), []);
  });

  it('reads 万元 as money and 个工作日 as days', () => {
    assert.deepEqual(unitFigures(askedUnit('多少钱')!, '整机售价1.2万元。', '多少钱'), ['1.2万元']);
    assert.deepEqual(unitFigures(askedUnit('要多少天')!, '应在15个工作日内办结。', '要多少天'), ['15个工作日']);
  });
});
