import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberPassages } from '../../src/answer/citations.ts';
import { narrowCitations } from '../../src/answer/narrow-citations.ts';
import { RENEWABLE_ENERGY, SEED_TEXT } from '../support/seed-passages.ts';

const [passage] = numberPassages([RENEWABLE_ENERGY]);

test('a citation is narrowed to the passage sentence its claim restates, with exact offsets', () => {
  const [narrowed] = narrowCitations('数据中心要充分利用风能、太阳能等可再生能源[1]。', [passage!]);
  assert.equal(narrowed!.text, '推动数据中心充分利用风能、太阳能、潮汐能、生物质能等可再生能源。');
  assert.equal(SEED_TEXT.slice(narrowed!.start, narrowed!.end), narrowed!.text);
});

test('two claims citing one passage narrow it to the span holding both', () => {
  const [narrowed] = narrowCitations('要充分利用风能、太阳能等可再生能源[1]。还要保障数据中心用地和用水资源[1]。', [passage!]);
  assert.ok(narrowed!.text.startsWith('推动数据中心充分利用'));
  assert.ok(narrowed!.text.endsWith('保障数据中心用地和用水资源。'));
  assert.equal(SEED_TEXT.slice(narrowed!.start, narrowed!.end), narrowed!.text);
});

test('a citation whose sentences cannot be matched (another language) stays whole', () => {
  assert.deepEqual(narrowCitations('Data centres should use wind and solar power [1].', [passage!]), [passage]);
});
