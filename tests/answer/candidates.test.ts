import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateSentences, splitClauses } from '../../src/answer/candidates.ts';
import type { SearchResult } from '../../src/types.ts';
import { SEED_SOURCE, SEED_TEXT, seedPassage } from '../support/seed-passages.ts';

const ROOT = ['二、深度解读', '(一)中央和国家层面部署'];
const PROBLEMS = '2.我国数字经济发展存在的2个问题';
const MEASURES = '3.推动我国数字经济健康发展的7项重要举措';
const FIRST_MEASURE = '第一,加强关键核心技术攻关。';

/** The seed from `from` (inclusive) to `to` (exclusive) as a retrieved chunk. */
function chunk(id: string, from: number, to: number, section: string[], source = SEED_SOURCE): SearchResult {
  return { id, source, section, start: from, end: to, text: SEED_TEXT.slice(from, to), score: 0.5, debug: { bm25Rank: 1, vectorRank: 1, matchedTerms: [] } };
}

/** Two chunks as the chunker cuts them with one sentence of overlap: "二是…" ends the first and opens the second. */
const PROBLEMS_START = SEED_TEXT.indexOf(PROBLEMS);
const SECOND_PROBLEM_START = SEED_TEXT.indexOf('二是在数字经济快速发展的过程中');
const PROBLEMS_CHUNK = chunk('problems', PROBLEMS_START, SEED_TEXT.indexOf(MEASURES) - 1, [...ROOT, PROBLEMS]);
const MEASURES_CHUNK = chunk('measures', SECOND_PROBLEM_START, SEED_TEXT.indexOf(FIRST_MEASURE) + FIRST_MEASURE.length, [...ROOT, MEASURES]);

const summary = (passages: SearchResult[]) =>
  candidateSentences(passages).map((c) => ({ id: c.passage.id, rank: c.rank, text: c.text, isLead: c.isLead }));

describe('splitClauses', () => {
  it('splits after half- and full-width commas, semicolons and colons, with offsets into the sentence', () => {
    const sentence = '到2025年,大数据电子信息产业总产值突破3500亿元;全省数字经济增加值实现倍增,在GDP中的占比达到50%左右;';
    const clauses = splitClauses(sentence);
    assert.deepEqual(clauses, [
      { start: 0, end: 7 },
      { start: 7, end: 28 },
      { start: 28, end: 42 },
      { start: 42, end: 58 },
    ]);
    assert.deepEqual(
      clauses.map((c) => sentence.slice(c.start, c.end)),
      ['到2025年,', '大数据电子信息产业总产值突破3500亿元;', '全省数字经济增加值实现倍增,', '在GDP中的占比达到50%左右;'],
    );
    assert.deepEqual(splitClauses('甲，乙：丙；丁'), [
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 6 },
      { start: 6, end: 7 },
    ]);
  });

  it('keeps a sentence without breaks whole and has no clauses for the empty string', () => {
    assert.deepEqual(splitClauses('加强关键核心技术攻关。'), [{ start: 0, end: 11 }]);
    assert.deepEqual(splitClauses('，'), [{ start: 0, end: 1 }]);
    assert.deepEqual(splitClauses(''), []);
  });
});

describe('candidateSentences', () => {
  it('lists each sentence once where chunks overlap, from the better-ranked chunk, skipping heading lines', () => {
    assert.deepEqual(summary([PROBLEMS_CHUNK, MEASURES_CHUNK]), [
      { id: 'problems', rank: 0, text: '一是我国数字经济大而不强、快而不优。', isLead: true },
      {
        id: 'problems',
        rank: 0,
        text: '二是在数字经济快速发展的过程中,出现了一些不健康、不规范的苗头和趋势,不仅影响数字经济健康发展,而且违反法律法规、对国家经济金融安全构成威胁。',
        isLead: true,
      },
      { id: 'measures', rank: 1, text: FIRST_MEASURE, isLead: true },
    ]);
    // Retrieved the other way round, the shared sentence comes from the chunk ranked first, which does not know it opens a paragraph.
    assert.deepEqual(
      summary([MEASURES_CHUNK, PROBLEMS_CHUNK]).map((c) => [c.id, c.rank, c.text.slice(0, 2), c.isLead]),
      [
        ['measures', 0, '二是', false],
        ['measures', 0, '第一', true],
        ['problems', 1, '一是', true],
      ],
    );
  });

  it('gives offsets into the document that cut out exactly the sentence', () => {
    const candidates = candidateSentences([PROBLEMS_CHUNK, MEASURES_CHUNK]);
    for (const c of candidates) assert.equal(SEED_TEXT.slice(c.start, c.end), c.text);
    assert.deepEqual(
      candidates.map((c) => c.start),
      [SEED_TEXT.indexOf('一是我国数字经济大而不强'), SECOND_PROBLEM_START, SEED_TEXT.indexOf(FIRST_MEASURE)],
    );
  });

  it('keeps the same offsets in different documents apart', () => {
    const copy = chunk('copy', PROBLEMS_CHUNK.start, PROBLEMS_CHUNK.end, PROBLEMS_CHUNK.section, 'copy.txt');
    assert.deepEqual(
      candidateSentences([PROBLEMS_CHUNK, copy]).map((c) => [c.passage.source, c.start]),
      [
        [SEED_SOURCE, 625],
        [SEED_SOURCE, SECOND_PROBLEM_START],
        ['copy.txt', 625],
        ['copy.txt', SECOND_PROBLEM_START],
      ],
    );
  });

  it('carries the innermost heading, the paragraph lead and the normalised text as context', () => {
    const [first, second] = candidateSentences([PROBLEMS_CHUNK]);
    assert.equal(first?.heading, PROBLEMS);
    assert.equal(second?.lead, second?.normalised, 'a paragraph that opens with the sentence leads with it');
    // A chunk opening with its section's heading line, as the chunker cuts one.
    const heading = '1.做强数据特色产业';
    const from = SEED_TEXT.indexOf(heading);
    const line = seedPassage('dc', '强化数据中心产业。', [...ROOT, heading]);
    const section = chunk('dc', from, line.end, [...ROOT, heading]);
    const spaced = candidateSentences([section]).find((c) => c.text.includes('超大规模 数据中心'));
    assert.ok(spaced, 'the sentence with a stray space is a candidate');
    assert.equal(SEED_TEXT.slice(spaced.start, spaced.end), spaced.text, 'the quote keeps the space');
    assert.equal(spaced.normalised.includes('超大规模数据中心产业集群'), true, 'matching ignores it');
    assert.equal(spaced.lead, '强化数据中心产业。');
    assert.equal(spaced.isLead, false);
  });

  it('has no candidates without passages', () => {
    assert.deepEqual(candidateSentences([]), []);
  });

  it('joins a short numbered item (二是浸沤。) to the sentence after it on its line, where its content is', () => {
    const text = '竹纸要经过多道工序。\n一是砍竹。纸工在小满前后上山砍伐嫩竹。\n二是浸沤。\n竹段放入石灰水池中浸泡约3个月。\n漂洗。竹料移入溪水中漂洗。';
    const passage: SearchResult = { id: 'paper', source: 'paper.txt', section: [], start: 0, end: text.length, text, score: 1, debug: { bm25Rank: 1, vectorRank: 1, matchedTerms: [] } };
    const sentences = candidateSentences([passage]);
    assert.deepEqual(
      sentences.map((c) => c.text),
      ['竹纸要经过多道工序。', '一是砍竹。纸工在小满前后上山砍伐嫩竹。', '二是浸沤。', '竹段放入石灰水池中浸泡约3个月。', '漂洗。', '竹料移入溪水中漂洗。'],
      'not across a line break, and not an unnumbered sentence',
    );
    assert.ok(sentences.every((c) => text.slice(c.start, c.end) === c.text));
  });

  it('joins no two labels, and reads a label a chunk ends on with its content from the next chunk', () => {
    const text = '工序有四道。一是砍竹。二是浸沤。竹段放入石灰水池中浸泡约3个月。';
    const passage = (id: string, from: number, to: number): SearchResult => ({ id, source: 'paper.txt', section: [], start: from, end: to, text: text.slice(from, to), score: 1, debug: { bm25Rank: 1, vectorRank: 1, matchedTerms: [] } });
    const whole = candidateSentences([passage('whole', 0, text.length)]).map((c) => c.text);
    assert.deepEqual(whole, ['工序有四道。', '一是砍竹。', '二是浸沤。竹段放入石灰水池中浸泡约3个月。']);
    const label = text.indexOf('二是浸沤。');
    const endsOnLabel = passage('first', 0, label + '二是浸沤。'.length);
    const opensOnLabel = passage('second', label, text.length);
    const read = candidateSentences([endsOnLabel, opensOnLabel]);
    assert.ok(read.some((c) => c.text === '二是浸沤。竹段放入石灰水池中浸泡约3个月。' && c.passage.id === 'second'), read.map((c) => c.text).join(' | '));
    assert.ok(read.every((c) => text.slice(c.start, c.end) === c.text));
  });
});
