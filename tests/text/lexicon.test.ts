import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lexicon, defaultLexicon } from '../../src/text/lexicon.ts';

describe('Lexicon', () => {
  const toy = new Lexicon({ english: { battery: ['电池'], 'lithium battery': ['锂电池'], recycle: ['回收'], plan: ['计划', '规划'] }, synonyms: { 省电: ['节电'] } });

  it('translates English content words, longest phrase first, trying dictionary forms of inflected words', () => {
    assert.deepEqual(toy.translate('How are lithium batteries recycled?'), ['锂电池', '回收']);
    assert.deepEqual(toy.translate('What was planned for 2025?'), ['计划', '规划', '2025']);
    assert.deepEqual(toy.translate('Who?'), []);
  });

  it('gives words sharing a specific gloss', () => {
    assert.deepEqual(toy.synonymsOf('省电'), ['节电']);
    assert.deepEqual(toy.synonymsOf('电池'), []);
  });

  it('ships a CC-CEDICT lexicon with everyday vocabulary', () => {
    const lexicon = defaultLexicon();
    assert.ok(lexicon.translate('annual leave').includes('年假'));
    assert.ok(lexicon.synonymsOf('省电').includes('节电'));
    assert.ok(lexicon.translate('salary').length > 0);
  });
});
