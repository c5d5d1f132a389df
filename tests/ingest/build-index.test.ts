import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { loadIndex, type LoadedIndex } from '../../src/index/loaded-index.ts';
import { openRetriever } from '../../src/retrieval/open-retriever.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { makeSeeds, seedText, silentLog, testConfig } from './fixtures.ts';

const tokenizer = new JiebaTokenizer();
const GBK_NOTE = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4, 0xb2, 0xe2, 0xca, 0xd4, 0xa1, 0xa3]); // 中文测试。

/** Every chunk of a loaded index, in order. */
const allChunks = (index: LoadedIndex) => Array.from({ length: index.chunks.size }, (_, label) => index.chunks.at(label)!);

test('ingest indexes txt, md, html and GBK files, skips binary, mislabelled and unsupported ones, and keeps offsets exact', async () => {
  const seeds = await makeSeeds({
    'seed.txt': await seedText(),
    'notes/guide.md': '# 指南\n\n## 安装\n\n先运行安装命令。然后启动服务。\n',
    'page.html': '<html><body><h1>贵州</h1><p>贵阳是贵州的省会。</p></body></html>',
    'legacy.txt': GBK_NOTE,
    'image.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0]),
    'ignored.xls': 'not a document type',
    'fake.pdf': 'a text file named as a PDF',
  });
  const config = await testConfig(seeds);
  const report = await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  assert.deepEqual(report.added.sort(), ['legacy.txt', 'notes/guide.md', 'page.html', 'seed.txt']);
  assert.deepEqual(
    report.skipped.map((s) => [s.source, s.reason]).sort(),
    [
      ['fake.pdf', 'not a PDF (the content does not start with %PDF-)'],
      ['ignored.xls', 'not a supported document type (.txt, .md, .markdown, .html, .htm, .pdf, .docx)'],
      ['image.txt', 'binary file'],
    ],
  );
  const index = await loadIndex(config.INDEX_DIR);
  assert.equal(index.manifest.files['legacy.txt']!.encoding, 'gb18030');
  for (const chunk of allChunks(index)) {
    const original = await index.originals.read(chunk.source);
    assert.equal(original!.slice(chunk.start, chunk.end), chunk.text, `offsets of ${chunk.id}`);
  }
  const md = allChunks(index).find((c) => c.source === 'notes/guide.md' && c.text.includes('安装命令'))!;
  assert.equal(md.section.length, 2);
  assert.ok(md.section[0]!.includes('指南') && md.section[1]!.includes('安装'));
});

test('re-ingest reuses unchanged files, re-embeds changed ones and drops removed ones', async () => {
  const seed = await seedText();
  const seeds = await makeSeeds({ 'a.txt': seed, 'b.txt': '贵阳大数据交易所促进数据要素流通。', 'c.txt': '赤水河流域酱香型白酒。' });
  const config = await testConfig(seeds);
  const options = ingestOptionsFromConfig(config, silentLog, tokenizer);
  const first = await buildIndex(options);
  const firstIndex = await loadIndex(config.INDEX_DIR);
  const seedChunks = allChunks(firstIndex).filter((c) => c.source === 'a.txt');

  await writeFile(join(seeds, 'b.txt'), '贵阳大数据交易所成立于2015年。');
  await rm(join(seeds, 'c.txt'));
  await writeFile(join(seeds, 'd.txt'), '新增的文档讲量子计算机。');
  const second = await buildIndex(options);
  assert.deepEqual(second.unchanged, ['a.txt']);
  assert.deepEqual(second.changed, ['b.txt']);
  assert.deepEqual(second.removed, ['c.txt']);
  assert.deepEqual(second.added, ['d.txt']);
  assert.equal(second.embeddedChunks, 2, 'only the changed and the new file are embedded');
  assert.equal(second.chunks, first.chunks - 1 + 1);

  const { index, retriever } = await openRetriever(config, tokenizer);
  assert.deepEqual(allChunks(index).filter((c) => c.source === 'a.txt'), seedChunks);
  assert.equal((await retriever.search('贵阳大数据交易所成立于哪一年', 1))[0]!.source, 'b.txt');
  assert.equal((await retriever.search('量子计算机', 1))[0]!.source, 'd.txt');
  assert.ok((await retriever.search('酱香型白酒', 5)).every((r) => r.source !== 'c.txt'));
  // A reused vector finds its own chunk exactly as before.
  const hit = await retriever.search(seedChunks[3]!.text, 1, { mode: 'vector' });
  assert.equal(hit[0]!.id, seedChunks[3]!.id);
});

test('--full rebuilds everything, and a different embedder dimension is refused at load', async () => {
  const seeds = await makeSeeds({ 'a.txt': '贵州数字经济。' });
  const config = await testConfig(seeds);
  await buildIndex(ingestOptionsFromConfig(config, silentLog, tokenizer));
  const full = await buildIndex({ ...ingestOptionsFromConfig(config, silentLog, tokenizer), full: true });
  assert.deepEqual(full.added, ['a.txt']);
  const other = { ...config, EMBEDDING_DIM: 128 };
  await assert.rejects(openRetriever(other, tokenizer), (error: { code?: string }) => error.code === 'INDEX_INCOMPATIBLE');
  assert.ok((await readFile(join(full.versionDir, 'manifest.json'), 'utf8')).includes('"dimensions": 64'));
});

test('an index cut into many segments answers like one built whole', async () => {
  const seed = await seedText();
  const seeds = await makeSeeds({ 'a.txt': seed, 'b.txt': seed.replace(/贵州/g, '云南'), 'c.txt': seed.replace(/数据/g, '信息') });
  const small = await testConfig(seeds, { INDEX_SEGMENT_CHUNKS: '64', VECTOR_SEGMENT_CHUNKS: '64' });
  const whole = await testConfig(seeds, { INDEX_SEGMENT_CHUNKS: '100000' });
  await buildIndex(ingestOptionsFromConfig(small, silentLog, tokenizer));
  await buildIndex(ingestOptionsFromConfig(whole, silentLog, tokenizer));
  const cut = await openRetriever(small, tokenizer);
  const one = await openRetriever(whole, tokenizer);
  assert.ok(cut.index.manifest.segments.count >= 2);
  assert.ok(cut.index.manifest.vectorSegments.count >= 2);
  assert.equal(one.index.manifest.segments.count, 1);
  for (const query of ['云南要培育几家百亿级平台经济企业', '信息中心要利用哪些可再生能源', '东数西算']) {
    const ids = async (r: typeof cut, mode: 'bm25' | 'vector') => (await r.retriever.search(query, 5, { mode })).map((x) => x.id);
    assert.deepEqual(await ids(cut, 'bm25'), await ids(one, 'bm25'), query);
    assert.deepEqual(await ids(cut, 'vector'), await ids(one, 'vector'), query);
  }
});
