import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  extractMarkers,
  formatPassagesForPrompt,
  numberPassages,
  renumberCitations,
  rewriteMarkers,
  stripMarkers,
} from '../../src/answer/citations.ts';
import type { Citation } from '../../src/types.ts';
import { AI_PRODUCTS, GUIZHOU_TARGETS, PLATFORM_ECONOMY, RENEWABLE_ENERGY, SEED_TEXT } from '../support/seed-passages.ts';

const passages = [AI_PRODUCTS, PLATFORM_ECONOMY, RENEWABLE_ENERGY, GUIZHOU_TARGETS];

/** Every marker names a citation and every citation is named: the contract of the HTTP API. */
function assertContract(answer: string, citations: Citation[]): void {
  const named = extractMarkers(answer);
  assert.deepEqual([...named].sort((a, b) => a - b), citations.map((c) => c.n));
  assert.deepEqual(citations.map((c) => c.n), citations.map((_, i) => i + 1));
}

describe('numberPassages', () => {
  it('numbers from 1 in retrieval order and keeps the span that points into the seed', () => {
    const citations = numberPassages(passages);
    assert.deepEqual(citations.map((c) => [c.n, c.id]), [[1, 'c-ai'], [2, 'c-platform'], [3, 'c-energy'], [4, 'c-targets']]);
    for (const c of citations) assert.equal(SEED_TEXT.slice(c.start, c.end), c.text);
    assert.deepEqual(citations[0], {
      n: 1,
      id: 'c-ai',
      text: AI_PRODUCTS.text,
      source: AI_PRODUCTS.source,
      section: AI_PRODUCTS.section,
      start: AI_PRODUCTS.start,
      end: AI_PRODUCTS.end,
      score: 0.9,
    });
  });

  it('gives a chunk retrieved twice one number', () => {
    assert.deepEqual(numberPassages([AI_PRODUCTS, PLATFORM_ECONOMY, AI_PRODUCTS]).map((c) => [c.n, c.id]), [[1, 'c-ai'], [2, 'c-platform']]);
  });
});

describe('formatPassagesForPrompt', () => {
  it('writes each passage under its number and section path', () => {
    const text = formatPassagesForPrompt(numberPassages([AI_PRODUCTS, RENEWABLE_ENERGY]));
    assert.equal(
      text,
      `[1] (二、深度解读 > ★《贵州省“十四五”数字经济发展规划》部署 > 3.贵州省“十四五”数字经济发展主要任务)\n${AI_PRODUCTS.text}\n\n` +
        `[2] (二、深度解读 > ★国家发展改革委等四部门印发《全国一体化大数据中心协同创新体系算力枢纽实施方案》)\n${RENEWABLE_ENERGY.text}`,
    );
  });
});

describe('extractMarkers', () => {
  it('reads every marker style in order of first appearance', () => {
    assert.deepEqual(extractMarkers('甲[2]。乙[1][3]。丙[1, 4]。丁[5,6]。戊［7］。己[2]。'), [2, 1, 3, 4, 5, 6, 7]);
    assert.deepEqual(extractMarkers('a [1，2、3] b ［１］ c [4-6]'), [1, 2, 3, 4, 5, 6]);
  });

  it('leaves bracketed years and words alone', () => {
    assert.deepEqual(extractMarkers('到[2025]年，见[注]与[a]。'), []);
  });
});

describe('rewriteMarkers and stripMarkers', () => {
  it('writes groups as [a][b], drops numbers mapped to nothing and the space before an emptied group', () => {
    assert.equal(rewriteMarkers('甲 [1, 9]。乙 [9]。丙［3］', (n) => (n === 9 ? undefined : n)), '甲 [1]。乙。丙[3]');
    assert.equal(stripMarkers('发展无人驾驶[1][2]、智能家居 [3]。'), '发展无人驾驶、智能家居。');
  });
});

describe('renumberCitations', () => {
  const citations = numberPassages(passages);

  it('keeps cited passages only, numbered 1..m in order of first reference, and rewrites the markers', () => {
    const result = renumberCitations('平台经济企业1-2家[2]。可再生能源[4][2]。人工智能产品［2，4］。', citations);
    assert.equal(result.answer, '平台经济企业1-2家[1]。可再生能源[1][2]。人工智能产品[1][2]。');
    assert.deepEqual(result.citations.map((c) => [c.n, c.id]), [[1, 'c-platform'], [2, 'c-targets']]);
    assertContract(result.answer, result.citations);
  });

  it('drops markers that point to no passage', () => {
    const result = renumberCitations('无人驾驶[1][7]。另一句[9]。第三句 [0]。', citations);
    assert.equal(result.answer, '无人驾驶[1]。另一句。第三句。');
    assert.deepEqual(result.citations.map((c) => c.id), ['c-ai']);
    assertContract(result.answer, result.citations);
  });

  it('returns no citations for an answer without markers', () => {
    assert.deepEqual(renumberCitations('没有标注的句子。', citations), { answer: '没有标注的句子。', citations: [] });
  });
});
