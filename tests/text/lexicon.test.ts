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

  it('leaves out every English interrogative phrase, not only its question word (how often, not 频繁)', () => {
    const adverbs = new Lexicon({ english: { often: ['频繁'], battery: ['电池'], big: ['大'], replace: ['更换'] }, synonyms: {} });
    assert.deepEqual(adverbs.translate('How often is the battery replaced?'), ['电池', '更换']);
    assert.deepEqual(adverbs.translate('How big is the battery?'), ['电池']);
    assert.deepEqual(adverbs.translate('How deep, how wide, how heavy is the battery?'), ['电池']);
  });

  it('reads capitalised pinyin as a name, unless an English reading is as long or the word is English', () => {
    const named = new Lexicon({ english: { museum: ['博物馆'], long: ['长'], 'long march': ['长征'] }, synonyms: {}, names: { hangzhou: ['杭州'], lianhuashan: ['莲花山'], long: ['龙'], he: ['何'] } });
    assert.deepEqual(named.translate("Which museum is in Hangzhou's west?"), ['博物馆', '杭州']);
    assert.deepEqual(named.translate('How high is Lianhua Shan?'), ['莲花山'], 'a name written in two words');
    assert.deepEqual(named.translate('Is the museum in hangzhou?'), ['博物馆'], 'lower case is an English word, not a name');
    assert.deepEqual(named.translate('Long March'), ['长征']);
    assert.deepEqual(named.translate('Long museum'), ['长', '博物馆'], 'a word the English keys know is read as English');
    assert.deepEqual(named.translate('He visited Hangzhou'), ['杭州'], 'a stop word is no name');
  });

  it('puts first the senses the documents use most, one list of alternatives per English word', () => {
    const senses = new Lexicon({ english: { project: ['计划', '项目', '专案'], data: ['数据', '资料'] }, synonyms: {} });
    const frequency = (term: string) => ({ 项目: 7, 计划: 2, 数据: 9 })[term] ?? 0;
    assert.deepEqual(senses.readings('Which data projects?', frequency), [['数据', '资料'], ['项目', '计划', '专案']]);
    assert.deepEqual(senses.translate('Which data projects?'), ['数据', '资料', '计划', '项目', '专案'], 'without frequencies, the dictionary order');
  });

  it('reads numbers whole and acronyms as they are, but no stop word in capitals', () => {
    const numbers = new Lexicon({ english: { million: ['百万'], '3': ['三'] }, synonyms: {} });
    assert.deepEqual(numbers.readings('Is it 3.5 million or 2,000?'), [['3.5'], ['百万'], ['2000']]);
    assert.deepEqual(numbers.readings('WHAT IS THE GDP?'), [['gdp']]);
  });

  it('keeps numbers and codes as they are, and reads inflected phrasal verbs and hyphenated compounds', () => {
    const phrases = new Lexicon({ english: { 'speed up': ['加快'], 'one-off': ['一次性'], one: ['一'], off: ['关'], care: ['照护'], elderly: ['老年'] }, synonyms: {} });
    assert.deepEqual(phrases.translate('What is speeding up GDP in 2025?'), ['加快', 'gdp', '2025']);
    assert.deepEqual(phrases.translate('Is the 5G one-off elderly-care?'), ['5g', '一次性', '老年', '照护']);
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
    assert.deepEqual(lexicon.translate('Guizhou'), ['贵州']);
    assert.ok(lexicon.translate('fish').includes('鱼'), 'a sense with a note in brackets (fish (CL:条)) is kept');
  });
});
