import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeTerm, TermDictionary } from '../../src/index/term-dictionary.ts';

test('every term is found under its number, and absent terms are not', () => {
  const terms = ['数据中心', '·数据', 'fast', '𠮷野家', '', ...Array.from({ length: 500 }, (_, i) => `词${i}`)];
  const dictionary = TermDictionary.fromTerms(terms);
  assert.equal(dictionary.size, terms.length);
  terms.forEach((term, id) => {
    assert.equal(dictionary.idOf(encodeTerm(term)), id);
    assert.equal(dictionary.term(id), term);
  });
  for (const absent of ['数据', '词500', 'Fast', '数据中心 ']) assert.equal(dictionary.idOf(encodeTerm(absent)), -1);
  assert.equal(TermDictionary.fromTerms([]).idOf(encodeTerm('任何')), -1);
});
