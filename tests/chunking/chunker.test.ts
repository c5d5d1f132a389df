import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { chunkDocument, type ChunkOptions } from '../../src/chunking/chunker.ts';
import { detectHeadings } from '../../src/chunking/headings.ts';
import { splitSentences } from '../../src/chunking/sentences.ts';
import { htmlToDocument } from '../../src/text/html.ts';
import type { ChunkRecord, SourceDocument } from '../../src/types.ts';

const SEED_TEXT = readFileSync(new URL('../../seeds/000_dcbe81f0de4cc422.txt', import.meta.url), 'utf8');
const SEED: SourceDocument = { source: 'policy/000_dcbe81f0de4cc422.txt', text: SEED_TEXT };
const XI = '★习近平总书记在十九届中央政治局围绕推动我国数字经济健康发展进行第三十四次集体学习发表重要讲话精神(2021年10月18日)';

/** Checks the rules every chunking must satisfy, whatever the options. */
function assertChunkRules(doc: SourceDocument, chunks: ChunkRecord[], options: ChunkOptions): void {
  const sentences = splitSentences(doc.text);
  const sentenceEnds = new Set(sentences.map((s) => s.end));
  const headingStarts = new Set((doc.headings ?? detectHeadings(doc.text, 'txt')).map((h) => h.start));
  const covered = new Uint8Array(doc.text.length);
  const ids = new Set<string>();

  chunks.forEach((chunk, ordinal) => {
    assert.equal(chunk.id, `${doc.source}#${ordinal}`);
    assert.equal(chunk.source, doc.source);
    assert.equal(doc.text.slice(chunk.start, chunk.end), chunk.text);
    assert.equal(chunk.text, chunk.text.trim());
    assert.ok(chunk.text.length > 0 && chunk.text.length <= options.maxChars, `${chunk.id}: ${chunk.text.length}`);
    if (!sentenceEnds.has(chunk.end)) {
      // only a piece of a sentence longer than maxChars may end elsewhere
      const inside = sentences.find((s) => s.start < chunk.end && chunk.end < s.end);
      assert.ok(inside && inside.end - inside.start > options.maxChars, `${chunk.id} ends mid-sentence`);
    }
    // a heading inside a chunk may only follow other headings
    for (const sentence of sentences) {
      if (sentence.start <= chunk.start || sentence.start >= chunk.end || !headingStarts.has(sentence.start)) continue;
      const before = sentences.filter((s) => s.start >= chunk.start && s.start < sentence.start);
      assert.ok(before.every((s) => headingStarts.has(s.start)), `${chunk.id} crosses the heading at ${sentence.start}`);
    }
    covered.fill(1, chunk.start, chunk.end);
    ids.add(chunk.id);
  });
  assert.equal(ids.size, chunks.length);
  for (let i = 0; i < doc.text.length; i++) {
    if (!/\s/.test(doc.text[i]!)) assert.equal(covered[i], 1, `character ${i} (${doc.text[i]}) is in no chunk`);
  }
}

for (const options of [
  { maxChars: 300, overlapSentences: 1 },
  { maxChars: 500, overlapSentences: 2 },
  { maxChars: 60, overlapSentences: 1 },
  { maxChars: 20, overlapSentences: 0 },
]) {
  test(`seed chunk rules hold for maxChars ${options.maxChars}, overlap ${options.overlapSentences}`, () => {
    const chunks = chunkDocument(SEED, options);
    assert.ok(chunks.length > SEED_TEXT.length / options.maxChars);
    assertChunkRules(SEED, chunks, options);
  });
}

test('headings gather at the start of the chunk of the first body sentence, whose section is the innermost path', () => {
  const chunks = chunkDocument(SEED, { maxChars: 300, overlapSentences: 1 });
  const first = chunks.find((c) => c.text.startsWith('二、深度解读'))!;
  assert.ok(
    first.text.startsWith(`二、深度解读\n(一)中央和国家层面部署\n${XI}\n1.发展数字经济意义重大(3个有利于)\n一是`),
  );
  assert.deepEqual(first.section, ['二、深度解读', '(一)中央和国家层面部署', XI, '1.发展数字经济意义重大(3个有利于)']);
  assert.equal(chunks.filter((c) => c.text === '二、深度解读').length, 0); // no heading-only chunk there
});

test('the body of 3.推动我国数字经济健康发展的7项重要举措 carries its full heading path', () => {
  const chunks = chunkDocument(SEED, { maxChars: 300, overlapSentences: 1 });
  const body = chunks.filter((c) => c.text.includes('第一,加强关键核心技术攻关'));
  assert.equal(body.length, 1);
  assert.deepEqual(body[0]!.section, [
    '二、深度解读',
    '(一)中央和国家层面部署',
    XI,
    '3.推动我国数字经济健康发展的7项重要举措',
  ]);
});

test('consecutive chunks of one section overlap by whole sentences; none overlap without overlap', () => {
  const withOverlap = chunkDocument(SEED, { maxChars: 300, overlapSentences: 1 });
  const sentenceStarts = new Set(splitSentences(SEED_TEXT).map((s) => s.start));
  let overlaps = 0;
  for (let i = 1; i < withOverlap.length; i++) {
    const [prev, next] = [withOverlap[i - 1]!, withOverlap[i]!];
    if (next.start >= prev.end) continue;
    overlaps++;
    assert.deepEqual(next.section, prev.section);
    assert.ok(sentenceStarts.has(next.start));
    assert.ok(next.end > prev.end);
  }
  assert.ok(overlaps >= 10, `only ${overlaps} overlaps`);

  const without = chunkDocument(SEED, { maxChars: 300, overlapSentences: 0 });
  for (let i = 1; i < without.length; i++) assert.ok(without[i]!.start >= without[i - 1]!.end);
});

test('an over-long sentence is cut into pieces of at most maxChars, preferably after a comma', () => {
  const sentence = `${'数字经济发展,'.repeat(10)}结束。`;
  const chunks = chunkDocument({ source: 'long.txt', text: sentence }, { maxChars: 40, overlapSentences: 1 });
  assert.deepEqual(
    chunks.map((c) => c.text),
    [`${'数字经济发展,'.repeat(5)}`, `${'数字经济发展,'.repeat(5)}结束。`],
  );
});

test('headings given with the document (HTML) are used instead of detected ones', () => {
  const html = '<h1>总览</h1><p>第一句。第二句。</p><h2>细节</h2><p>第三句。</p>';
  const doc: SourceDocument = { source: 'page.html', ...htmlToDocument(html) };
  const chunks = chunkDocument(doc, { maxChars: 200, overlapSentences: 1 });
  assert.deepEqual(
    chunks.map((c) => [c.text, c.section]),
    [
      ['总览\n第一句。第二句。', ['总览']],
      ['细节\n第三句。', ['总览', '细节']],
    ],
  );
  assertChunkRules(doc, chunks, { maxChars: 200, overlapSentences: 1 });
});

test('a given heading that holds a sentence terminator stays one heading unit', () => {
  const doc: SourceDocument = { source: 'q.html', ...htmlToDocument('<p>引言。</p><h2>什么是算力？如何建设</h2><p>算力是能力。</p>') };
  const chunks = chunkDocument(doc, { maxChars: 100, overlapSentences: 1 });
  assert.deepEqual(
    chunks.map((c) => [c.text, c.section]),
    [
      ['引言。', []],
      ['什么是算力？如何建设\n算力是能力。', ['什么是算力？如何建设']],
    ],
  );
});

test('headings that cannot fit with the next sentence form a heading-only chunk', () => {
  const text = '一、总体要求\n(一)指导思想\n以习近平新时代中国特色社会主义思想为指导。';
  const chunks = chunkDocument({ source: 'a.txt', text }, { maxChars: 30, overlapSentences: 0 });
  assert.deepEqual(
    chunks.map((c) => [c.text, c.section]),
    [
      ['一、总体要求', ['一、总体要求']],
      ['(一)指导思想\n以习近平新时代中国特色社会主义思想为指导。', ['一、总体要求', '(一)指导思想']],
    ],
  );
});

test('text before the first heading has an empty section; a document of only whitespace has no chunks', () => {
  const chunks = chunkDocument({ source: 'b.md', text: '前言。\n# 标题\n正文。' }, { maxChars: 100, overlapSentences: 1 });
  assert.deepEqual(
    chunks.map((c) => [c.text, c.section]),
    [
      ['前言。', []],
      ['# 标题\n正文。', ['标题']],
    ],
  );
  assert.deepEqual(chunkDocument({ source: 'c.txt', text: ' \n\t ' }, { maxChars: 100, overlapSentences: 1 }), []);
});

test('CRLF line endings stay inside chunk text and offsets stay exact', () => {
  const text = '一、总体要求\r\n第一句。\r\n第二句。\r\n二、保障措施\r\n第三句。\r\n';
  const doc = { source: 'crlf.txt', text };
  const chunks = chunkDocument(doc, { maxChars: 100, overlapSentences: 1 });
  assert.deepEqual(
    chunks.map((c) => [c.text, c.section]),
    [
      ['一、总体要求\r\n第一句。\r\n第二句。', ['一、总体要求']],
      ['二、保障措施\r\n第三句。', ['二、保障措施']],
    ],
  );
  assertChunkRules(doc, chunks, { maxChars: 100, overlapSentences: 1 });
});

test('invalid options are rejected with a RangeError', () => {
  for (const options of [
    { maxChars: 19, overlapSentences: 1 },
    { maxChars: 100.5, overlapSentences: 1 },
    { maxChars: 100, overlapSentences: -1 },
    { maxChars: 100, overlapSentences: 0.5 },
    { maxChars: Number.NaN, overlapSentences: 1 },
  ]) {
    assert.throws(() => chunkDocument(SEED, options), RangeError, JSON.stringify(options));
  }
});

test('Markdown headings are read whatever the extension is spelled (.md, .MD, .markdown)', () => {
  for (const source of ['a.md', 'a.MD', 'notes/a.markdown']) {
    const chunks = chunkDocument({ source, text: '# 第一部分\n正文。' }, { maxChars: 100, overlapSentences: 1 });
    assert.deepEqual(chunks.map((c) => c.section), [['第一部分']], source);
  }
});
