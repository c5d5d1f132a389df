import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { citeListAsOne, mergeAdjacent, spanText, type Segment } from '../../src/answer/quote-segments.ts';
import type { SearchResult } from '../../src/types.ts';

const DOC = '原则\n加强统筹。统筹规划。\n绿色集约。节能降耗。\n自主创新。突破技术。\n';

function passage(id: string, start: number, end: number, source = 'a.txt'): SearchResult {
  return { id, source, section: ['原则'], start, end, text: DOC.slice(start, end), score: 0.5, debug: { bm25Rank: 1, vectorRank: null, matchedTerms: [] } };
}

/** The sentence `text` of DOC as a quote from passage `p`. */
function quote(text: string, p: SearchResult, score = 0.5): Segment {
  const start = DOC.indexOf(text);
  return { source: p.source, start, end: start + text.length, text, passage: p, score, truncatedStart: false, truncatedEnd: false };
}

// Two chunks that overlap on 绿色集约。节能降耗。, as the chunker cuts them.
const FIRST = passage('p1', 3, DOC.indexOf('自主创新'));
const SECOND = passage('p2', DOC.indexOf('绿色集约'), DOC.length - 1);

describe('spanText', () => {
  it('pieces a span together from overlapping passages, in any order', () => {
    const start = DOC.indexOf('加强统筹');
    const end = DOC.indexOf('突破技术');
    assert.equal(spanText([SECOND, FIRST], 'a.txt', start, end), DOC.slice(start, end));
    assert.equal(spanText([FIRST], 'a.txt', start + 1, start + 4), DOC.slice(start + 1, start + 4));
  });

  it('is undefined where the passages leave a hole or belong to another document', () => {
    const hole = passage('p3', DOC.indexOf('自主创新'), DOC.length - 1);
    assert.equal(spanText([passage('p1', 3, 8), hole], 'a.txt', 3, DOC.length - 1), undefined);
    assert.equal(spanText([FIRST, SECOND], 'b.txt', 3, 10), undefined);
  });
});

describe('citeListAsOne', () => {
  const items = [quote('加强统筹。', FIRST, 0.4), quote('绿色集约。', FIRST, 0.9), quote('自主创新。', SECOND, 0.6)];

  it('cites the run of a short list as one span holding every item, quoting the items', () => {
    const [group, ...rest] = citeListAsOne(items, [FIRST, SECOND], 500);
    assert.equal(rest.length, 0);
    assert.deepEqual(group?.quotes, items);
    const start = DOC.indexOf('加强统筹');
    const end = DOC.indexOf('自主创新。') + '自主创新。'.length;
    assert.deepEqual(group?.citation, { id: 'p1', text: DOC.slice(start, end), source: 'a.txt', section: ['原则'], start, end, score: 0.9 });
  });

  it('keeps one citation per item when the run is longer than the limit, scattered, or not covered', () => {
    const perItem = (groups: ReturnType<typeof citeListAsOne>) => groups.map((g) => g.citation.text);
    assert.deepEqual(perItem(citeListAsOne(items, [FIRST, SECOND], 10)), ['加强统筹。', '绿色集约。', '自主创新。']);
    assert.deepEqual(perItem(citeListAsOne([items[2]!, items[0]!], [FIRST, SECOND], 500)), ['自主创新。', '加强统筹。']);
    assert.deepEqual(perItem(citeListAsOne(items, [FIRST], 500)), ['加强统筹。', '绿色集约。', '自主创新。']);
  });
});

describe('mergeAdjacent', () => {
  it('does not quote again a sentence another quote already holds (lines a closing colon brought in)', () => {
    const lines = quote('加强统筹。统筹规划。\n绿色集约。', FIRST);
    const groups = mergeAdjacent([lines, quote('绿色集约。', FIRST)]);
    assert.deepEqual(groups.map((g) => g.quotes.map((q) => q.text)), [['加强统筹。统筹规划。\n绿色集约。']]);
  });

  it('joins sentences that touch in one passage and keeps apart those that do not', () => {
    const groups = mergeAdjacent([quote('加强统筹。', FIRST), quote('统筹规划。', FIRST), quote('节能降耗。', FIRST)]);
    assert.deepEqual(
      groups.map((g) => [g.citation.text, g.quotes.length]),
      [['加强统筹。统筹规划。', 1], ['节能降耗。', 1]],
    );
  });
});
