import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAnswererModel } from '../../src/answer/answer-model.ts';
import { CONFIDENCE_FEATURES, confidenceFeatures } from '../../src/answer/confidence.ts';
import { profileQuestion, type ProfileSources } from '../../src/answer/question-profile.ts';
import { featuredCandidates, rankCandidates } from '../../src/answer/selector.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import type { SearchResult } from '../../src/types.ts';

const tokenizer = new JiebaTokenizer();
/** A corpus of two paragraphs: one about an observatory, one about a museum. */
const paragraphs = ['漠河天文台的负责单位是漠河大学。天文台建于1990年。', '省博物馆位于江北区，每周一闭馆。'];
const sources: ProfileSources = {
  tag: (text) => tokenizer.tag(text),
  termWeight: () => 2,
  documentFrequency: (t) => paragraphs.filter((p) => p.includes(t)).length,
  bigramTerm: (b) => b,
};
const passage = (text: string, rank: number): SearchResult => ({ id: `p${rank}`, source: `${rank}.txt`, section: [], start: 0, end: text.length, text, score: 1 / (rank + 1), debug: { bm25Rank: rank + 1, vectorRank: null, matchedTerms: [] } });
const model = loadAnswererModel();

function featuresOf(question: string, passages: SearchResult[]) {
  const profile = profileQuestion(question, sources);
  const ranked = rankCandidates(model.selector, featuredCandidates(profile, passages, (t) => tokenizer.tag(t)));
  return confidenceFeatures(profile, ranked, model.phrase);
}

describe('confidenceFeatures', () => {
  const observatory = passage(paragraphs[0]!, 0);
  const museum = passage(paragraphs[1]!, 1);

  it('gives every feature the model knows, each a finite number', () => {
    const values = featuresOf('漠河天文台的负责单位是哪里？', [observatory, museum]);
    for (const name of CONFIDENCE_FEATURES) assert.ok(Number.isFinite(values[name]), name);
  });

  it('sees a subject the corpus names elsewhere but not in the answer’s passage', () => {
    const own = featuresOf('天文台的负责单位是哪里？', [observatory, museum]);
    const swapped = featuresOf('博物馆的负责单位是哪里？', [observatory, museum]);
    assert.equal(own.contextMissingMax, 0);
    assert.equal(swapped.outOfCorpusShare, 0, 'every word of the swapped question is in the corpus');
    assert.ok(swapped.contextMissingMax > 0 || swapped.bestContextCover < own.bestContextCover, JSON.stringify(swapped));
    assert.ok(swapped.bestContextCover < own.bestContextCover);
  });

  it('sees a figure the question states that the answer’s passage does not, unless a range there holds it', () => {
    const stated = featuresOf('1990年建成的天文台归哪个单位负责？', [observatory, museum]);
    const other = featuresOf('2005年建成的天文台归哪个单位负责？', [observatory, museum]);
    const ranged = passage('会员年龄须在18岁至60岁之间，年费200元。', 2);
    const inRange = featuresOf('35岁的会员年费多少？', [ranged]);
    assert.equal(stated.questionValuesMissing, 0);
    assert.equal(other.questionValuesMissing, 1);
    assert.equal(inRange.questionValuesMissing, 0, '35 lies within 18岁至60岁');
  });

  it('compares a code the question names whole (E3 asked, E4 described)', () => {
    const faults = passage('故障代码E4：进水压力不足，请检查进水阀。', 0);
    assert.equal(featuresOf('故障代码E4是什么意思？', [faults]).questionValuesMissing, 0);
    assert.equal(featuresOf('故障代码E3是什么意思？', [faults]).questionValuesMissing, 1);
  });

  it('sees a place the corpus names elsewhere but the answer’s passage does not', () => {
    assert.equal(featuresOf('漠河天文台的负责单位是哪里？', [observatory, museum]).frameNamesMissing, 0);
    const elsewhere = featuresOf('江北区天文台的负责单位是哪里？', [observatory]);
    assert.ok(elsewhere.frameNamesMissing > 0, JSON.stringify(elsewhere));
  });

  it('reads figures and names in the headings above the best sentence as well as in its passage', () => {
    const text = '天文台的负责单位是漠河大学。';
    const headed = { ...passage(text, 0), section: ['漠河', '2019年概况'] };
    const question = '2019年漠河天文台的负责单位是哪里？';
    const bare = featuresOf(question, [passage(text, 0)]);
    const underHeadings = featuresOf(question, [headed]);
    assert.equal(bare.questionValuesMissing, 1);
    assert.equal(underHeadings.questionValuesMissing, 0, '2019 is in a heading');
    assert.ok(underHeadings.frameNamesMissing <= bare.frameNamesMissing);
  });
});

