import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindCitations } from '../../src/web/cited-text.js';

describe('bindCitations', () => {
  it('binds each chip to the character before it and the closing punctuation after it', () => {
    assert.deepEqual(bindCitations('有利于推动构建新发展格局[1]，有利于建设现代化经济体系[2][3]。'), [
      { type: 'text', text: '有利于推动构建新发展格' },
      { type: 'cite', before: '局', numbers: [1], raw: '[1]', after: '，' },
      { type: 'text', text: '有利于建设现代化经济体' },
      { type: 'cite', before: '系', numbers: [2], raw: '[2]', after: '' },
      { type: 'cite', before: '', numbers: [3], raw: '[3]', after: '。' },
    ]);
  });

  it('binds nothing across a line break, and keeps a chip at the very start alone', () => {
    assert.deepEqual(bindCitations('[1]第一项\n[2]'), [
      { type: 'cite', before: '', numbers: [1], raw: '[1]', after: '' },
      { type: 'text', text: '第一项\n' },
      { type: 'cite', before: '', numbers: [2], raw: '[2]', after: '' },
    ]);
  });

  it('keeps a surrogate pair whole', () => {
    const [text, cite] = bindCitations('见𠀋[1]');
    assert.deepEqual(text, { type: 'text', text: '见' });
    assert.equal(cite?.type === 'cite' ? cite.before : '', '𠀋');
  });
});
