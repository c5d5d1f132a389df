import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAnswererModel } from '../../src/answer/answer-model.ts';
import { profileQuestion, type ProfileSources } from '../../src/answer/question-profile.ts';
import { featuredCandidates } from '../../src/answer/selector.ts';
import { phraseFeatures, shortAnswer } from '../../src/answer/short-answer.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import type { SearchResult } from '../../src/types.ts';

const tokenizer = new JiebaTokenizer();
const sources: ProfileSources = { tag: (t) => tokenizer.tag(t), termWeight: () => 2, documentFrequency: () => 1, bigramTerm: (b) => b };
const model = loadAnswererModel();

/** The question's profile and the sentence read as its only candidate, the sentence starting at `offset` in its document. */
function candidateOf(question: string, sentence: string, offset = 100) {
  const passage: SearchResult = { id: 'p', source: 'a.txt', section: [], start: offset, end: offset + sentence.length, text: sentence, score: 1, debug: { bm25Rank: 1, vectorRank: null, matchedTerms: [] } };
  const profile = profileQuestion(question, sources);
  const [candidate] = featuredCandidates(profile, [passage], (t) => tokenizer.tag(t));
  return { profile, candidate: candidate! };
}

function phraseOf(question: string, sentence: string, offset = 100) {
  const { profile, candidate } = candidateOf(question, sentence, offset);
  return shortAnswer(model.phrase, candidate, profile);
}

describe('shortAnswer', () => {
  it('picks the value next to what is asked, with offsets in the document', () => {
    const sentence = '该厂成立于1956年，1998年迁至城东，员工约1200人。';
    const found = phraseOf('该厂是哪一年迁至城东的？', sentence);
    assert.equal(found?.text, '1998年');
    assert.equal(sentence.slice(found!.start - 100, found!.end - 100), '1998年');
  });

  it('maps a phrase of a traditional-script sentence back to its original characters', () => {
    const sentence = '博物館於二〇〇三年對外開放。';
    const found = phraseOf('博物馆哪一年开放？', sentence, 0);
    assert.equal(found?.text, '二〇〇三年');
    assert.equal(sentence.slice(found!.start, found!.end), '二〇〇三年');
  });

  it('gives nothing when the sentence holds no value of the kind asked', () => {
    assert.equal(phraseOf('该厂是哪一年迁至城东的？', '该厂后来迁至城东。'), null);
  });

  it('reads whether a value sits where the question puts its interrogative: by the focus words, the other words on their sides', () => {
    const { profile, candidate } = candidateOf('该厂是哪一年迁至城东的？', '1990年扩建，该厂1995年迁至城东。');
    const featuresOf = (year: string) => phraseFeatures(candidate, candidate.spans.find((s) => s.text === year)!, profile);
    assert.equal(featuresOf('1995年').focusAdjacent, 1, '该厂 and 迁至 stand by 1995年 as by the interrogative');
    assert.equal(featuresOf('1990年').focusAdjacent, 0, '扩建 and a comma stand between');
    assert.equal(featuresOf('1995年').sidesAgree, 1, '该厂 before, 迁至 and 城东 after, as in the question');
    assert.ok(featuresOf('1990年').sidesAgree < 1, '该厂 stands after 1990年 but before the interrogative');
  });
});
