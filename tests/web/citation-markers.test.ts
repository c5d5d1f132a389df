import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markerNumbers, splitCitations, stripCitations } from '../../src/web/citation-markers.js';

describe('markerNumbers', () => {
  const cases: [string, number[]][] = [
    ['[1]', [1]],
    ['[1, 2]', [1, 2]],
    ['[1，3、2]', [1, 3, 2]],
    ['[2;4]', [2, 4]],
    ['[1-3]', [1, 2, 3]],
    ['[2～4]', [2, 3, 4]],
    ['［１］', [1]],
    ['[ 2 ]', [2]],
    ['[1, 1]', [1]],
    ['[6-27]', [6, 27]],
    ['[3-1]', [3, 1]],
  ];
  for (const [marker, numbers] of cases) {
    it(`reads ${marker} as ${numbers.join(', ')}`, () => assert.deepEqual(markerNumbers(marker), numbers));
  }
});

describe('splitCitations', () => {
  it('splits text and markers in order, adjacent markers separately', () => {
    assert.deepEqual(splitCitations('有利于推动构建新发展格局[1]，现代化经济体系[2][3]。'), [
      { type: 'text', text: '有利于推动构建新发展格局' },
      { type: 'cite', numbers: [1], raw: '[1]' },
      { type: 'text', text: '，现代化经济体系' },
      { type: 'cite', numbers: [2], raw: '[2]' },
      { type: 'cite', numbers: [3], raw: '[3]' },
      { type: 'text', text: '。' },
    ]);
  });

  it('reads full-width and list markers', () => {
    assert.deepEqual(splitCitations('见［１，２］'), [
      { type: 'text', text: '见' },
      { type: 'cite', numbers: [1, 2], raw: '［１，２］' },
    ]);
  });

  it('leaves years, words in brackets and an unfinished marker as text', () => {
    assert.deepEqual(splitCitations('[2024]年[注]见[1'), [{ type: 'text', text: '[2024]年[注]见[1' }]);
  });

  it('returns nothing for an empty answer', () => {
    assert.deepEqual(splitCitations(''), []);
  });
});

describe('stripCitations', () => {
  it('removes the markers and the spaces before them', () => {
    assert.equal(stripCitations('Growth [1] and reform [2, 3].'), 'Growth and reform.');
    assert.equal(stripCitations('有利于推动构建新发展格局[1]，体系［２］。'), '有利于推动构建新发展格局，体系。');
  });

  it('keeps text without markers as it is', () => {
    assert.equal(stripCitations('2024年[注]'), '2024年[注]');
  });
});
