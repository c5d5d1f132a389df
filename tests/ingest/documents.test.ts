import assert from 'node:assert/strict';
import { test } from 'node:test';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { loadEngine } from '../../src/engine.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { detectOcr } from '../../src/ingest/readers/ocr.ts';
import { loadIndex } from '../../src/index/loaded-index.ts';
import { documentBytes, fixtureQuestions } from './document-fixtures.ts';
import { makeSeeds, SEED_FILE, silentLog, testConfig } from './fixtures.ts';

const ocr = await detectOcr();

test('PDF, Word, Big5 and UTF-16 files are indexed with exact offsets; skipped files are named once, with reasons', async () => {
  const seeds = await makeSeeds({
    'handbook.pdf': await documentBytes('handbook.pdf'),
    'handbook.docx': await documentBytes('handbook.docx'),
    'scan.pdf': await documentBytes('scanned-notice.pdf'),
    'big5.txt': await documentBytes('big5.txt'),
    'utf16.txt': await documentBytes('utf16le-bom.txt'),
    'sheet.xls': 'not read',
  });
  await symlink(SEED_FILE, join(seeds, 'linked.txt'));
  const config = await testConfig(seeds);
  const warnings: string[] = [];
  const report = await buildIndex({ ...ingestOptionsFromConfig(config, { info: () => undefined, warn: (m) => warnings.push(m) }), ocr: null });

  assert.deepEqual(report.added.sort(), ['big5.txt', 'handbook.docx', 'handbook.pdf', 'utf16.txt']);
  assert.deepEqual(
    report.skipped.map((s) => [s.source, s.reason]).sort(),
    [
      ['linked.txt', 'symbolic links are not followed'],
      ['scan.pdf', 'no text layer (scanned), and OCR is not installed'],
      ['sheet.xls', 'not a supported document type (.txt, .md, .markdown, .html, .htm, .pdf, .docx)'],
    ],
  );
  assert.deepEqual(warnings.slice(0, 3), report.skipped.map((s) => `Skipping ${s.source}: ${s.reason}`).sort());
  assert.equal(warnings.length, 4, warnings.join('\n'));
  assert.match(warnings[3]!, /^No OCR: .*scan\.pdf: install Tesseract .*tesseract-ocr-chi-sim/);

  const index = await loadIndex(config.INDEX_DIR);
  const files = index.manifest.files;
  assert.deepEqual([files['handbook.pdf']!.format, files['handbook.docx']!.format, files['big5.txt']!.encoding, files['utf16.txt']!.encoding], ['pdf', 'docx', 'big5', 'utf-16le-bom']);
  assert.equal(files['handbook.pdf']!.pageStarts!.length, 3);
  assert.deepEqual(index.manifest.skipped.map((s) => s.source).sort(), ['linked.txt', 'scan.pdf', 'sheet.xls']);
  for (const chunk of index.chunks.records()) {
    const original = await index.originals.read(chunk.source);
    assert.equal(original!.slice(chunk.start, chunk.end), chunk.text, `offsets of ${chunk.id}`);
  }
  const docxSections = [...index.chunks.records()].filter((c) => c.source === 'handbook.docx').map((c) => c.section.join(' › '));
  assert.ok(docxSections.includes('数据管理工作手册 › 第二章 数据采集与备份'), docxSections.join('\n'));
});

test('answers over a PDF cite the page they are printed on, in /v1/ask and in the context', async () => {
  const seeds = await makeSeeds({ 'handbook.pdf': await documentBytes('handbook.pdf') });
  const engine = await loadEngine(await testConfig(seeds), silentLog);
  for (const { question, page, keyword } of await fixtureQuestions('handbook.pdf')) {
    const answer = await engine.qa.ask(question, {});
    assert.equal(answer.status, 'answered', question);
    assert.ok(answer.answer.includes(keyword), `${question} → ${answer.answer}`);
    const citation = answer.citations.find((c) => c.text.includes(keyword))!;
    assert.equal(citation.page, page, `${question} cites page ${citation.page}`);
    assert.equal(citation.ocr, undefined);
    const context = await engine.qa.context!(citation.source, citation.start, citation.end, 20);
    assert.deepEqual([context!.text, context!.page], [citation.text, page]);
  }
});

test('a scanned page is answered from its OCR text, and its citations say so', { skip: ocr ? false : 'Tesseract with Chinese data is not installed' }, async () => {
  const seeds = await makeSeeds({ 'notice.pdf': await documentBytes('scanned-notice.pdf') });
  const engine = await loadEngine(await testConfig(seeds), silentLog);
  const questions = await fixtureQuestions('scanned-notice.pdf');
  let answered = 0;
  for (const { question, keyword } of questions) {
    const answer = await engine.qa.ask(question, {});
    if (answer.status === 'answered' && answer.answer.includes(keyword)) answered++;
    for (const citation of answer.citations) assert.deepEqual([citation.page, citation.ocr], [1, true]);
  }
  assert.ok(answered >= 2, `${answered} of ${questions.length} scanned-page questions answered`);
});
