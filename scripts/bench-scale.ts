/**
 * The service at scale: a synthetic corpus of >= 100 MB in many small files (the CMRC and DRCD contexts,
 * copied with rotated sentences and renumbered figures, cut into news-article sized files), ingested from
 * scratch, then served by `npm start`'s entry with the caches off and asked distinct CMRC questions.
 * Reports ingest MB/s and peak RSS, time until /readyz, serving RSS, and /v1/search and /v1/ask latency one
 * at a time and at 8 connections.
 * Usage: npm run bench:scale   (env: BENCH_MB=100, BENCH_SECONDS=15, BENCH_CORPUS_DIR to keep the corpus,
 * BENCH_INDEX_DIR to keep the index and serve it again without ingesting, BENCH_CPU_PROF=<dir> to write the
 * server's CPU profile there)
 */
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CMRC_CONTEXTS, explainMissingData, hasCmrc, loadCmrc } from './lib/datasets.ts';
import { DRCD_DIR } from './lib/reading-data.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { syntheticCorpus } from './lib/synthetic-corpus.ts';

const MEGABYTES = Number(process.env.BENCH_MB ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 8;
const SEQUENTIAL = 300;
const JSON_HEADERS = { 'content-type': 'application/json' };

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function rssMB(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** CPU seconds a process has used (user + system, all threads), from /proc/<pid>/stat. */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function ingest(seedsDir: string, indexDir: string) {
  // The same V8 flags `npm run ingest` runs with (package.json).
  const out = execFileSync(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', join(PROJECT_ROOT, 'scripts/lib/ingest-child.ts'), '--full'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEEDS_DIR: seedsDir, INDEX_DIR: indexDir },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { seconds: number; bytes: number; chunks: number; maxRssMB: number; cpuSeconds: number };
}

/** `npm start`'s entry, caches off, a rate limit the benchmark cannot reach; resolves once /readyz is 200. */
async function startServer(seedsDir: string, indexDir: string) {
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const started = performance.now();
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server/server.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEEDS_DIR: seedsDir, INDEX_DIR: indexDir, PORT: String(port), SEARCH_CACHE_SIZE: '0', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, url, readySeconds: (performance.now() - started) / 1000, readyCpuSeconds: await cpuSeconds(child.pid!) };
}

async function oneAtATime(url: string, path: string, field: string, questions: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const question of questions) {
    const t = performance.now();
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ [field]: question }) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} ${response.status} for ${question}`);
    times.push(performance.now() - t);
  }
  return times;
}

/** 8 connections, each request the next distinct question (not the same one on every connection). */
function underLoad(url: string, path: string, field: string, questions: string[]): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: 'POST', path, headers: JSON_HEADERS, setupRequest: (request) => ({ ...request, body: JSON.stringify({ [field]: questions[next++ % questions.length] }) }) }],
  });
}

if (!hasCmrc()) {
  explainMissingData('the CMRC 2018 trial corpus', 'bench:scale builds its corpus from those contexts and asks those questions: nothing was measured.');
  process.exit(1);
}
// DRCD's contexts, when present, widen the vocabulary.
const DRCD_CONTEXTS = join(DRCD_DIR, 'contexts');
const sources = existsSync(DRCD_CONTEXTS) ? [CMRC_CONTEXTS, DRCD_CONTEXTS] : [CMRC_CONTEXTS];

const root = await mkdtemp(join(tmpdir(), 'zhida-scale-'));
const corpusDir = process.env.BENCH_CORPUS_DIR ?? join(root, 'corpus');
const indexDir = process.env.BENCH_INDEX_DIR ?? join(root, 'index');
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  console.log(`Machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start; Node ${process.version}`);
  const corpus = await syntheticCorpus(sources, corpusDir, MEGABYTES, { pieceChars: 1500 });
  const fileCount = Number(execFileSync('sh', ['-c', `find "${corpus}" -name '*.txt' | wc -l`], { encoding: 'utf8' }));
  const built = existsSync(join(indexDir, 'current')) ? null : ingest(corpus, indexDir);
  const mb = built ? built.bytes / 1024 / 1024 : 0;
  if (built) console.log(`Ingest: ${mb.toFixed(1)} MB in ${fileCount} files, ${built.chunks} chunks: ${built.seconds.toFixed(1)} s = ${(mb / built.seconds).toFixed(2)} MB/s (${built.cpuSeconds.toFixed(0)} CPU s), peak RSS ${built.maxRssMB.toFixed(0)} MB`);

  server = await startServer(corpus, indexDir);
  const ready = await rssMB(server.child.pid!);
  console.log(`Start until ready: ${server.readySeconds.toFixed(2)} s (${server.readyCpuSeconds.toFixed(2)} CPU s); RSS when ready ${ready.rss.toFixed(0)} MB`);

  // The set has one empty question, which the service rightly refuses (400).
  const questions = [...new Set(loadCmrc().map((item) => item.question.trim()))].filter(Boolean);
  const search1 = await oneAtATime(server.url, '/v1/search', 'query', questions.slice(0, SEQUENTIAL));
  const ask1 = await oneAtATime(server.url, '/v1/ask', 'question', questions.slice(SEQUENTIAL, 2 * SEQUENTIAL));
  const search8 = await underLoad(server.url, '/v1/search', 'query', questions);
  const ask8 = await underLoad(server.url, '/v1/ask', 'question', questions);
  const after = await rssMB(server.child.pid!);
  const failed = [search8, ask8].reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);

  console.log(`\n${questions.length} distinct CMRC questions, caches off (SEARCH_CACHE_SIZE=0); ${SEQUENTIAL} one at a time per route, then ${CONNECTIONS} connections for ${SECONDS} s per route.`);
  console.log('\n| measure | figure | floor |\n|---|---|---|');
  if (built) console.log(`| ingest, ${mb.toFixed(0)} MB of ${fileCount} files | ${(mb / built.seconds).toFixed(2)} MB/s (${built.seconds.toFixed(0)} s, ${built.cpuSeconds.toFixed(0)} CPU s), peak RSS ${built.maxRssMB.toFixed(0)} MB | >= 1.5 MB/s, RSS <= 800 MB |`);
  console.log(`| start until ready (${fileCount} files) | ${server.readySeconds.toFixed(2)} s (${server.readyCpuSeconds.toFixed(2)} CPU s) | <= 5 s |`);
  console.log(`| RSS serving | ${ready.rss.toFixed(0)} MB when ready, ${after.rss.toFixed(0)} MB after the load (peak ${after.peak.toFixed(0)} MB) | <= 900 MB after the load |`);
  console.log(`| /v1/search, one at a time | p50 ${percentile(search1, 50).toFixed(1)} ms, p99 ${percentile(search1, 99).toFixed(1)} ms | p50 <= 10 ms |`);
  console.log(`| /v1/ask, one at a time | p50 ${percentile(ask1, 50).toFixed(1)} ms, p99 ${percentile(ask1, 99).toFixed(1)} ms | – |`);
  console.log(`| /v1/search, ${CONNECTIONS} connections | p99 ${search8.latency.p99} ms (${search8.requests.mean.toFixed(0)} req/s) | p99 <= 150 ms |`);
  console.log(`| /v1/ask, ${CONNECTIONS} connections | p99 ${ask8.latency.p99} ms (${ask8.requests.mean.toFixed(0)} req/s) | p99 <= 250 ms |`);
  for (const [route, r] of [['/v1/search', search8], ['/v1/ask', ask8]] as const) {
    if (r.non2xx + r.errors + r.timeouts) console.log(`${route}: non-2xx ${r.non2xx}, connection errors ${r.errors}, timeouts ${r.timeouts}`);
  }
  console.log(`\nFailed requests under load: ${failed}. Load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end.`);
  if (failed) process.exitCode = 1;
} finally {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server!.child.once('exit', resolve));
  }
  await rm(root, { recursive: true, force: true });
}
