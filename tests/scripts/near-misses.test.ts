import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedFigure, strangerSubject, swappedSubject, withoutAnswer } from '../../scripts/lib/near-misses.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import type { SearchResult } from '../../src/types.ts';

const tokenizer = new JiebaTokenizer();
const passage = (source: string, text: string): SearchResult => ({ id: source, source, section: [], start: 0, end: text.length, text, score: 1, debug: { bm25Rank: 1, vectorRank: null, matchedTerms: [] } });
/** Document frequencies of a tiny corpus: 天文台 is rarer than 单位. */
const frequency: Record<string, number> = { 天文台: 1, 单位: 3, 博物馆: 1, 图书馆: 1 };
const df = (t: string) => frequency[t] ?? 0;

describe('near misses made from answerable questions', () => {
  it('replaces the rarest noun with one no paragraph holds', () => {
    assert.equal(strangerSubject('天文台的负责单位是哪里？', tokenizer, df, ['火星基地'], 0), '火星基地的负责单位是哪里?');
  });

  it('replaces the rarest noun with another paragraph’s noun of the same tag, never one of its own paragraph', () => {
    const pool = ['天文台', '博物馆', '图书馆'].map((word) => ({ word, tag: tokenizer.tag(word)[0]!.tag }));
    const swapped = swappedSubject('图书馆的负责单位是哪里？', '图书馆的负责单位是市文化局。', tokenizer, df, pool, 0);
    assert.equal(swapped, '博物馆的负责单位是哪里?', 'a common noun for a common noun, not the name-tagged 天文台');
    assert.equal(swappedSubject('图书馆的负责单位是哪里？', '图书馆和博物馆。', tokenizer, df, pool, 0), null);
  });

  it('cuts the sentences holding the answer out of the question’s own paragraph and leaves the others', () => {
    const own = passage('a.txt', '漠河天文台建于1990年。它的负责单位是漠河大学。台内有三台望远镜。');
    const other = passage('b.txt', '漠河大学位于漠河。');
    const cut = withoutAnswer([own, other], 'a.txt', ['漠河大学']);
    assert.deepEqual(cut?.map((p) => p.text), ['漠河天文台建于1990年。台内有三台望远镜。', '漠河大学位于漠河。']);
    assert.equal(withoutAnswer([other], 'a.txt', ['漠河大学']), null, 'its paragraph was not retrieved');
  });

  it('changes the question’s first figure to one its paragraph does not state', () => {
    const paragraph = '漠河天文台1990年建成，1991年开放，1992年扩建。';
    assert.equal(changedFigure('漠河天文台1990年建成后哪年开放？', paragraph, 1), '漠河天文台1993年建成后哪年开放?', '1991 and 1992 are stated');
    assert.equal(changedFigure('漠河天文台1990年建成后哪年开放？', paragraph, 0), '漠河天文台1989年建成后哪年开放?');
    assert.equal(changedFigure('漠河天文台哪年开放？', paragraph, 0), null, 'no figure to change');
  });

  it('changes only a figure the paragraph states, never to one inside a range it states', () => {
    assert.equal(changedFigure('1985年天文台有几台望远镜？', '天文台1990年建成。', 1), null, 'the paragraph does not state 1985 either');
    assert.equal(changedFigure('5G基站在哪一年开通？', '5G基站2019年开通，共5座。', 1), null, 'a figure inside a name is no figure');
    assert.equal(changedFigure('60岁的会员年费多少？', '会员须在60岁至63岁之间，年费200元。', 1), '65岁的会员年费多少?', '61–63 fall inside the range');
  });
});
