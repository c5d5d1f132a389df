import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerSpans, holdsAnswerShape } from '../../src/answer/answer-kinds.ts';
import { SentenceFacts } from '../../src/answer/sentence-facts.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';

const tokenizer = new JiebaTokenizer();

describe('SentenceFacts', () => {
  it('counts the ideographs of the sentence, each distinct one with how often it occurs', () => {
    const facts = new SentenceFacts('净水器的滤芯每12个月更换一次，滤芯免费。');
    const counts = new Map([...facts.characterCodes].map((code, i) => [String.fromCharCode(code), facts.characterCounts[i]]));
    assert.equal(counts.get('滤'), 2);
    assert.equal(counts.get('芯'), 2);
    assert.equal(counts.get('净'), 1);
    assert.equal(counts.has('1'), false, 'digits are not ideographs');
    assert.equal(counts.has('，'), false, 'punctuation is not an ideograph');
    assert.equal(facts.cjkCount, 17);
  });

  it('gives the same answer spans and shapes as reading the sentence directly, and remembers them per kind', () => {
    const text = '该馆于1998年3月12日在青石镇开放，由张伟负责，共有3个展厅';
    const facts = new SentenceFacts(text);
    let taggings = 0;
    const tagger = (t: string) => {
      taggings++;
      return tokenizer.tag(t);
    };
    const kinds = ['time', 'number', 'place', 'person'] as const;
    for (const type of kinds) assert.deepEqual(facts.answerSpans(type, tagger), answerSpans(type, text, () => tokenizer.tag(text)));
    assert.ok(taggings > 0, 'places and people need the tagging');
    const taggedOnce = taggings;
    for (const type of kinds) assert.deepEqual(facts.answerSpans(type, tagger), answerSpans(type, text, () => tokenizer.tag(text)));
    assert.equal(taggings, taggedOnce, 'asked again, nothing is tagged again');
    assert.equal(facts.holdsShape('list', tagger), holdsAnswerShape('list', text, () => []));
    assert.equal(facts.holdsShape('reason', tagger), false);
  });
});
