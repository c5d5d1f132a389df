/**
 * How soon an uploaded document is answerable: the real service (listening, over the seed's index) takes a PDF on
 * POST /v1/documents, and a question about it is asked every 100 ms until it is answered from that PDF. Three
 * uploads under new names, each deleted before the next; the figure is the time from the upload's 202 to the first such answer.
 * Usage: npm run bench:upload
 */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { manageDocuments } from '../src/server/documents/live-update.ts';
import { LiveEngine } from '../src/serving/live-engine.ts';
import type { AskResponse } from '../src/types.ts';
import { PROJECT_ROOT, SEED_DIR } from './lib/paths.ts';

const RUNS = 3;
const DEADLINE_MS = 120_000;
const QUESTION = '核心业务数据多久进行一次增量备份？';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const seeds = await mkdtemp(join(tmpdir(), 'zhida-upload-seeds-'));
await copyFile(join(SEED_DIR, '000_dcbe81f0de4cc422.txt'), join(seeds, '000_dcbe81f0de4cc422.txt'));
const config = parseConfig({ ...process.env, SEEDS_DIR: seeds, INDEX_DIR: await mkdtemp(join(tmpdir(), 'zhida-upload-index-')), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000' });
// As under `npm start`: ingest in a child process, the new version swapped in while requests go on.
const live = new LiveEngine(config, quiet, { pollMs: 100 });
await live.start();
const documents = manageDocuments(config, quiet, live);
const app = await buildApp({ config, qa: () => live.current()?.qa, lease: () => live.acquire(), onClose: () => live.close(), documents: () => documents, logger: false });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const pdf = await readFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'documents', 'handbook.pdf'));

async function answeredFrom(source: string): Promise<boolean> {
  const res = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
  const body = (await res.json()) as AskResponse;
  return body.status === 'answered' && body.citations.some((c) => c.source === source);
}

const seconds: number[] = [];
for (let run = 1; run <= RUNS; run++) {
  const source = `handbook-${run}.pdf`;
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdf)]), source);
  const upload = await fetch(`${url}/v1/documents`, { method: 'POST', body: form });
  if (upload.status !== 202) throw new Error(`upload refused: ${upload.status} ${await upload.text()}`);
  const uploaded = performance.now();
  while (!(await answeredFrom(source))) {
    if (performance.now() - uploaded > DEADLINE_MS) throw new Error(`${source} not answerable after ${DEADLINE_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  seconds.push((performance.now() - uploaded) / 1000);
  // The next upload starts from a settled index without this copy (the same text would answer in its place).
  await fetch(`${url}/v1/documents/${source}`, { method: 'DELETE' });
  while ((await (await fetch(`${url}/v1/documents/status`)).json() as { state: string }).state !== 'idle') await new Promise((r) => setTimeout(r, 100));
}
await app.close();
const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
console.log(`| upload → answerable (3-page PDF, over the seed's index) | median ${median.toFixed(1)} s | runs ${seconds.map((s) => s.toFixed(1)).join(', ')} s |`);
