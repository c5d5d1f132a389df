import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SELECTOR_FEATURES } from '../../src/answer/candidate-features.ts';
import { profileQuestion, type ProfileSources } from '../../src/answer/question-profile.ts';
import { featuredCandidates } from '../../src/answer/selector.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import type { SearchResult } from '../../src/types.ts';

const tokenizer = new JiebaTokenizer();
const sources: ProfileSources = {
  tag: (text) => tokenizer.tag(text),
  termWeight: () => 2,
  documentFrequency: () => 1,
  bigramTerm: (b) => b,
  synonymsOf: (w) => (w === '省电' ? ['节电'] : []),
};
const passage = (text: string, rank = 0, section: string[] = []): SearchResult => ({ id: `p${rank}`, source: 'manual.txt', section, start: rank * 100, end: rank * 100 + text.length, text, score: 1 / (rank + 1), debug: { bm25Rank: rank + 1, vectorRank: null, matchedTerms: [] } });

describe('candidateFeatures', () => {
  const text = '本机于2019年在苏州工厂投产。滤芯的更换周期为12个月。机身采用白色外壳。';
  const [made, filter, colour] = featuredCandidates(profileQuestion('滤芯的更换周期是多少？', sources), [passage(text)], (t) => tokenizer.tag(t));

  it('gives every feature the selector knows, each a finite number', () => {
    for (const c of [made, filter, colour]) for (const name of SELECTOR_FEATURES) assert.ok(Number.isFinite(c!.features[name]), name);
  });

  it('rates the sentence holding the question words and a value of the asked kind above the others', () => {
    assert.equal(filter!.features.wordCover, 1);
    assert.equal(filter!.features.kindMatch, 1);
    assert.ok(filter!.features.bigramCover > made!.features.bigramCover);
    assert.equal(colour!.features.kindMissing, 1);
    assert.deepEqual(filter!.spans.map((s) => s.text), ['12个月']);
  });

  it('counts overlap through a synonym apart from exact overlap, and partial words through characters', () => {
    const [c] = featuredCandidates(profileQuestion('冰箱怎么省电？', sources), [passage('冰箱节电的办法是减少开门次数。')], (t) => tokenizer.tag(t));
    assert.ok(c!.features.synonymCover > 0);
    const [partial] = featuredCandidates(profileQuestion('锂电池怎么回收？', sources), [passage('锂离子电池由专门企业回收。')], (t) => tokenizer.tag(t));
    assert.ok(partial!.features.characterCover > partial!.features.wordCover, JSON.stringify(partial!.features));
  });

  it('credits the heading path and the passage rank', () => {
    const passages = [passage('本机出厂前经过检测。', 0), passage('包装内含说明书。', 1), passage('整机为一年，主要部件为三年。', 2, ['五、保修期'])];
    const inHeading = featuredCandidates(profileQuestion('保修期是多久？', sources), passages, (t) => tokenizer.tag(t)).find((c) => c.passage.id === 'p2' && c.text.startsWith('整机'));
    assert.ok(inHeading!.features.headingCover > 0);
    assert.equal(inHeading!.features.rankInverse, 1 / 3);
  });
});
