/**
 * Start-up cost on the seed: loading its index (manifest, chunks, BM25, vectors), loading the jieba
 * dictionary, and the first answer, each measured in a fresh process over 5 runs.
 * Usage: npm run bench:load
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.ts';
import { buildIndex } from '../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../src/ingest/from-config.ts';
import { PROJECT_ROOT, SEED_DIR } from './lib/paths.ts';

const indexDir = await mkdtemp(join(tmpdir(), 'zhida-load-'));
const config = parseConfig({ ...process.env, SEEDS_DIR: SEED_DIR, INDEX_DIR: indexDir });
await buildIndex(ingestOptionsFromConfig(config, { info: () => undefined, warn: () => undefined }));
const runs: { indexMs: number; jiebaMs: number; engineMs: number; firstAnswerMs: number; chunks: number }[] = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/lib/load-child.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEEDS_DIR: SEED_DIR, INDEX_DIR: indexDir },
    encoding: 'utf8',
  });
  runs.push(JSON.parse(out.trim().split('\n').at(-1)!));
}
await rm(indexDir, { recursive: true, force: true });
const median = (key: keyof (typeof runs)[number]) => runs.map((r) => r[key]).sort((a, b) => a - b)[2]!;
console.log(`| step (seed index, ${runs[0]!.chunks} chunks; median of 5 fresh processes) | ms |\n|---|---|`);
console.log(`| load the index (manifest, chunks, BM25, vectors) | ${median('indexMs').toFixed(1)} |`);
console.log(`| load the jieba dictionary (once per process) | ${median('jiebaMs').toFixed(0)} |`);
console.log(`| whole engine ready (index + checks + answerer), dictionary already loaded | ${median('engineMs').toFixed(1)} |`);
console.log(`| first answer | ${median('firstAnswerMs').toFixed(1)} |`);
