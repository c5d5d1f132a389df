/**
 * Ingest throughput (MB/s) and peak RSS on synthetic Chinese corpora of growing size, each ingested
 * from scratch in its own process, and on a corpus of many small files.
 * Usage: npm run bench:ingest [-- 10,25,50] [--small-files 5000]
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CMRC_CONTEXTS, explainMissingData, hasCmrc } from './lib/datasets.ts';
import { PROJECT_ROOT, SEED_DIR } from './lib/paths.ts';
import { smallFilesCorpus, syntheticCorpus } from './lib/synthetic-corpus.ts';

const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { 'small-files': { type: 'string', default: '5000' } } });
const sizes = (positionals[0] ?? '10,25,50').split(',').map(Number);
const SMALL_FILES = Number(flags['small-files']);
/** The same V8 flags `npm run ingest` runs with (package.json). */
const INGEST_NODE_FLAGS = ['--max-old-space-size=512'];
interface ChildResult {
  seconds: number;
  bytes: number;
  chunks: number;
  embedded: number;
  maxRssMB: number;
}

function ingestInChild(seedsDir: string, indexDir: string, full: boolean): ChildResult {
  const out = execFileSync(process.execPath, [...INGEST_NODE_FLAGS, '--import', 'tsx', join(PROJECT_ROOT, 'scripts/lib/ingest-child.ts'), ...(full ? ['--full'] : [])], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEEDS_DIR: seedsDir, INDEX_DIR: indexDir },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

/** CMRC's many short articles make a varied corpus; without them the seed documents are copied instead. */
const source = hasCmrc() ? CMRC_CONTEXTS : SEED_DIR;
if (source === SEED_DIR) explainMissingData('the CMRC 2018 trial corpus', 'Building the corpora from copies of seeds/ instead (less varied vocabulary).');

const rows: { mb: number; seconds: number; chunks: number; maxRssMB: number }[] = [];
let incremental: ChildResult | null = null;
for (const [i, size] of sizes.entries()) {
  const corpus = await syntheticCorpus(source, join(tmpdir(), `zhida-bench-corpus-${size}mb${source === SEED_DIR ? '-seeds' : ''}`), size);
  const indexDir = await mkdtemp(join(tmpdir(), 'zhida-bench-index-'));
  const result = ingestInChild(corpus, indexDir, true);
  rows.push({ mb: result.bytes / 1024 / 1024, seconds: result.seconds, chunks: result.chunks, maxRssMB: result.maxRssMB });
  if (i === sizes.length - 1) {
    // Re-ingest after one file changed: everything else is carried over from the index just built.
    const [first] = (await readdir(corpus, { recursive: true })).filter((f) => f.endsWith('.txt')).sort();
    const changed = join(corpus, first!);
    const original = await readFile(changed, 'utf8');
    await writeFile(changed, `${original}\n修订。`);
    try {
      incremental = ingestInChild(corpus, indexDir, false);
    } finally {
      await writeFile(changed, original);
    }
  }
  await rm(indexDir, { recursive: true, force: true });
}
console.log('| corpus MB | chunks | seconds | MB/s | peak RSS MB |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.mb.toFixed(1)} | ${r.chunks} | ${r.seconds.toFixed(1)} | ${(r.mb / r.seconds).toFixed(2)} | ${r.maxRssMB.toFixed(0)} |`);
if (rows.length > 1) {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  console.log(`\nPeak RSS grows ${((last.maxRssMB - first.maxRssMB) / (last.mb - first.mb)).toFixed(2)} MB per MB of corpus between ${first.mb.toFixed(0)} and ${last.mb.toFixed(0)} MB.`);
}
if (SMALL_FILES > 0) {
  const corpus = await smallFilesCorpus(source, join(tmpdir(), `zhida-bench-small-${SMALL_FILES}`), SMALL_FILES);
  const indexDir = await mkdtemp(join(tmpdir(), 'zhida-bench-index-'));
  const small = ingestInChild(corpus, indexDir, true);
  await rm(indexDir, { recursive: true, force: true });
  console.log(
    `\n${SMALL_FILES} small files (${(small.bytes / 1024 / 1024).toFixed(1)} MB, ${small.chunks} chunks) from scratch: ${small.seconds.toFixed(1)} s, peak RSS ${small.maxRssMB.toFixed(0)} MB.`,
  );
}
if (incremental) {
  console.log(
    `\nIncremental re-ingest of the ${rows.at(-1)!.mb.toFixed(0)} MB corpus after one file changed: ${incremental.seconds.toFixed(1)} s, ` +
      `${incremental.embedded} chunks embedded of ${incremental.chunks}, peak RSS ${incremental.maxRssMB.toFixed(0)} MB.`,
  );
}
