/**
 * HTTP throughput and latency of the real service (POST /v1/search, POST /v1/ask) against a bare Fastify route,
 * over a fresh index of ./seeds. The servers run in a child process on 127.0.0.1; autocannon runs here.
 * Usage: npm run bench:serve   (env: BENCH_SECONDS=20, BENCH_CONNECTIONS=32, BENCH_WARMUP_SECONDS=2)
 * Exits 1 when any request fails (non-2xx, connection error or timeout); the floors are reported, not enforced.
 */
import autocannon from 'autocannon';
import { cpus, platform, release, totalmem } from 'node:os';
import { startServeChild, type ServeChild } from './lib/serve-child-process.ts';

function positiveIntFromEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}=${JSON.stringify(raw)}: expected an integer ≥ ${min}`);
  return value;
}

const SECONDS = positiveIntFromEnv('BENCH_SECONDS', 20);
const CONNECTIONS = positiveIntFromEnv('BENCH_CONNECTIONS', 32);
/** Unmeasured load before each measured run, so every route is measured with warm JIT and caches. */
const WARMUP_SECONDS = positiveIntFromEnv('BENCH_WARMUP_SECONDS', 2, 0);

/** Questions a reader of the seed document would ask; bodies cycle through them. */
const QUESTIONS = [
  '国家同意在贵州等几个地方启动建设国家算力枢纽节点？',
  '到2025年数字经济核心产业增加值占GDP的比重要达到多少？',
  '我国数字经济发展存在哪两个问题？',
  '贵州的数字经济发展布局是怎样的？',
  '算力枢纽实施方案提出了哪些基本原则？',
  '到2025年贵州大数据电子信息产业总产值要突破多少亿元？',
  '新国发2号文件赋予贵州什么战略定位？',
  '贵州要打造哪三个千亿级主导产业集群？',
  '锂离子电池产业依托哪些地方的产业基础？',
  '怎样促进数据有序流通？',
];

const JSON_HEADERS = { 'content-type': 'application/json' };

interface Route {
  name: string;
  baseUrl: string;
  requests: autocannon.Request[];
}

function postRequests(path: string, body: (question: string) => object): autocannon.Request[] {
  return QUESTIONS.map((question) => ({ method: 'POST', path, headers: JSON_HEADERS, body: JSON.stringify(body(question)) }));
}

/**
 * One request per question before any load, so a broken route fails fast with its status and body.
 * Returns the mean size of a /v1/search body in bytes.
 */
async function checkRoutes(serviceUrl: string): Promise<number> {
  let answered = 0;
  let searchBytes = 0;
  for (const question of QUESTIONS) {
    const search = await fetch(`${serviceUrl}/v1/search`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: question }) });
    const body = await search.text();
    searchBytes += Buffer.byteLength(body);
    const found = JSON.parse(body) as { results?: unknown[] };
    if (search.status !== 200 || !found.results?.length) throw new Error(`/v1/search ${search.status} for ${question}: ${body}`);
    const ask = await fetch(`${serviceUrl}/v1/ask`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ question }) });
    const answer = (await ask.json()) as { status?: string };
    if (ask.status !== 200) throw new Error(`/v1/ask ${ask.status} for ${question}: ${JSON.stringify(answer)}`);
    if (answer.status === 'answered') answered += 1;
  }
  const meanBytes = Math.round(searchBytes / QUESTIONS.length);
  console.log(`Checked ${QUESTIONS.length} questions: /v1/search found passages for all (${meanBytes} bytes a body on average); /v1/ask answered ${answered}, no_answer ${QUESTIONS.length - answered}.`);
  return meanBytes;
}

function load(route: Route, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url: route.baseUrl, connections: CONNECTIONS, duration: seconds, requests: route.requests });
}

/** autocannon records whole milliseconds, so 0 means under one. */
function ms(value: number): string {
  return value < 1 ? '<1' : value.toFixed(0);
}

interface Row {
  route: string;
  result: autocannon.Result;
}

function failures(result: autocannon.Result): number {
  return result.non2xx + result.errors + result.timeouts;
}

const SIZED_BARE = 'GET /bare/:bytes (a search body\'s size)';

function printReport(rows: Row[]): boolean {
  const bare = rows[0]!.result.requests.mean;
  const sized = rows.find((row) => row.route === SIZED_BARE)!.result.requests.mean;
  console.log(`\n| route | req/s (mean) | p50 ms | p99 ms | non-2xx | ratio to bare req/s |`);
  console.log('|---|---|---|---|---|---|');
  for (const { route, result } of rows) {
    const cells = [route, result.requests.mean.toFixed(0), ms(result.latency.p50), ms(result.latency.p99), String(result.non2xx), (result.requests.mean / bare).toFixed(3)];
    console.log(`| ${cells.join(' | ')} |`);
  }
  const cpuList = cpus();
  console.log(
    `\nLoad generator (autocannon, this process) and both servers (one child process) share the same ${cpuList.length} cores, so the ` +
      'generator takes CPU from the server under test; at bare-route rates it is likely the limit itself, which understates bare ' +
      'req/s and overstates the ratios. Latencies have autocannon\'s 1 ms resolution.',
  );
  const failed = rows.filter((row) => failures(row.result) > 0);
  for (const { route, result } of failed) {
    console.log(`${route}: non-2xx ${result.non2xx} (4xx ${result['4xx']}, 5xx ${result['5xx']}), connection errors ${result.errors}, timeouts ${result.timeouts}`);
  }
  for (const suffix of ['', ' (caches off)']) {
    const ask = rows.find((row) => row.route === `POST /v1/ask${suffix}`)!.result;
    const search = rows.find((row) => row.route === `POST /v1/search${suffix}`)!.result;
    const askFloor = ask.latency.p99 < 50;
    const searchFloor = search.requests.mean >= 0.25 * bare;
    console.log(
      `\nFloors${suffix || ' (default caches; the load repeats 10 questions)'}: /v1/ask p99 < 50 ms: ${askFloor ? 'PASS' : 'FAIL'} (${ms(ask.latency.p99)} ms); ` +
        `/v1/search ≥ 25% of bare req/s: ${searchFloor ? 'PASS' : 'FAIL'} (${((100 * search.requests.mean) / bare).toFixed(1)}%; ` +
        `${((100 * search.requests.mean) / sized).toFixed(1)}% of the bare route answering as many bytes)`,
    );
  }
  console.log(`The bare route answering a search body's size reaches ${((100 * sized) / bare).toFixed(1)}% of the bare route: the most a route answering that much can reach here.`);
  console.log(`Non-2xx responses in total: ${rows.reduce((sum, row) => sum + row.result.non2xx, 0)}`);
  return failed.length === 0;
}

let child: ServeChild | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (child?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

let ok = false;
try {
  const cpuList = cpus();
  console.log(
    `Machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}; Node ${process.version}`,
  );
  console.log(`Load: ${CONNECTIONS} connections, ${SECONDS} s per route after ${WARMUP_SECONDS} s warm-up, routes one after another.`);
  child = await startServeChild();
  const searchBytes = await checkRoutes(child.serviceUrl);
  const routes: Route[] = [
    { name: 'GET /bare', baseUrl: child.bareUrl, requests: [{ method: 'GET', path: '/bare' }] },
    { name: SIZED_BARE, baseUrl: child.bareUrl, requests: [{ method: 'GET', path: `/bare/${searchBytes}` }] },
    { name: 'POST /v1/search', baseUrl: child.serviceUrl, requests: postRequests('/v1/search', (query) => ({ query })) },
    { name: 'POST /v1/ask', baseUrl: child.serviceUrl, requests: postRequests('/v1/ask', (question) => ({ question })) },
    { name: 'POST /v1/search (caches off)', baseUrl: child.uncachedUrl, requests: postRequests('/v1/search', (query) => ({ query })) },
    { name: 'POST /v1/ask (caches off)', baseUrl: child.uncachedUrl, requests: postRequests('/v1/ask', (question) => ({ question })) },
  ];
  const rows: Row[] = [];
  for (const route of routes) {
    if (WARMUP_SECONDS > 0) await load(route, WARMUP_SECONDS);
    const result = await load(route, SECONDS);
    console.log(`${route.name}: ${result.requests.mean.toFixed(0)} req/s, p99 ${ms(result.latency.p99)} ms`);
    rows.push({ route: route.name, result });
  }
  ok = printReport(rows);
} finally {
  await child?.stop();
}
if (!ok) process.exitCode = 1;
