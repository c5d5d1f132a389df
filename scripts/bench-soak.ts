/**
 * Soak: the real service (`npm start`'s entry, in its own process) under 64 connections for 60 s, cycling
 * through more distinct questions than its caches hold, with the service's RSS sampled every 5 s.
 * Usage: npm run bench:soak   (env: SOAK_SECONDS=60, SOAK_CONNECTIONS=64, SOAK_QUESTIONS=2000)
 * The index is built from ./seeds plus the CMRC and DRCD contexts in ../shared; the questions are theirs.
 * Exits 1 when any request fails (5xx, connection error or timeout).
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, SHARED_DIR } from './lib/paths.ts';
import { startService, type ServiceProcess } from './lib/service-process.ts';

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a positive integer`);
  return value;
}

const SECONDS = intFromEnv('SOAK_SECONDS', 60);
const CONNECTIONS = intFromEnv('SOAK_CONNECTIONS', 64);
const QUESTION_COUNT = intFromEnv('SOAK_QUESTIONS', 2000);
const SAMPLE_EVERY_MS = 5000;
const CORPORA = ['cmrc2018-trial', 'drcd-dev'];

/** Distinct non-empty questions of the shared corpora, in file order (an empty one would only test the 400). */
function questions(): string[] {
  const all = CORPORA.flatMap((corpus) =>
    readFileSync(join(SHARED_DIR, 'corpora', corpus, 'qa.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { question: string }).question.trim())
      .filter(Boolean),
  );
  return [...new Set(all)].slice(0, QUESTION_COUNT);
}

async function rssMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const root = await mkdtemp(join(tmpdir(), 'zhida-soak-'));
let service: ServiceProcess | undefined;
let ok = false;
try {
  const seeds = join(root, 'seeds');
  await cp(join(PROJECT_ROOT, 'seeds'), seeds, { recursive: true });
  for (const corpus of CORPORA) await cp(join(SHARED_DIR, 'corpora', corpus, 'contexts'), join(seeds, corpus), { recursive: true });
  const asked = questions();
  if (asked.length < 1000) throw new Error(`only ${asked.length} distinct questions in ${SHARED_DIR}/corpora`);

  const cpuList = cpus();
  console.log(`Machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}; Node ${process.version}`);
  service = await startService({ SEEDS_DIR: seeds, INDEX_DIR: join(root, 'index'), LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000' });
  const status = await service.ready(300_000);
  const cacheSize = Number(process.env.SEARCH_CACHE_SIZE ?? 1000);
  console.log(`Index ${(status.index as { version: string }).version}; ${asked.length} distinct questions (caches hold ${cacheSize}); ${CONNECTIONS} connections for ${SECONDS} s on POST /v1/ask.`);

  const pid = service.child.pid!;
  const samples: { second: number; rss: number }[] = [{ second: 0, rss: await rssMB(pid) }];
  const started = Date.now();
  const sampler = setInterval(() => void rssMB(pid).then((rss) => samples.push({ second: Math.round((Date.now() - started) / 1000), rss })), SAMPLE_EVERY_MS);
  let next = 0;
  const result = await autocannon({
    url: service.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/v1/ask',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ question: asked[next++ % asked.length] }) }),
      },
    ],
  });
  clearInterval(sampler);
  samples.push({ second: Math.round((Date.now() - started) / 1000), rss: await rssMB(pid) });

  console.log('\n| second | service RSS MB |\n|---|---|');
  for (const s of samples) console.log(`| ${s.second} | ${s.rss.toFixed(0)} |`);
  const rss = samples.map((s) => s.rss);
  const secondHalf = samples.filter((s) => s.second >= SECONDS / 2).map((s) => s.rss);
  console.log(
    `\nRequests: ${result.requests.total} (${result.requests.mean.toFixed(0)} req/s mean), distinct questions asked ${Math.min(next, asked.length)}; ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms.`,
  );
  console.log(`Non-2xx ${result.non2xx} (4xx ${result['4xx']}, 5xx ${result['5xx']}), connection errors ${result.errors}, timeouts ${result.timeouts}.`);
  console.log(
    `RSS: start ${rss[0]!.toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB, end ${rss.at(-1)!.toFixed(0)} MB; ` +
      `second half of the run ${Math.min(...secondHalf).toFixed(0)}–${Math.max(...secondHalf).toFixed(0)} MB.`,
  );
  ok = result['5xx'] === 0 && result.errors === 0 && result.timeouts === 0 && result.non2xx === 0;
  console.log(`Floors: no 5xx, no failed or hung request: ${ok ? 'PASS' : 'FAIL'}`);
} finally {
  await service?.stop();
  await rm(root, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
