/**
 * Slow and stalled clients against the real service process: 300 stalled uploads and 50 clients trickling
 * their headers are each closed with 408 within REQUEST_TIMEOUT_MS + 1 s, and other clients are served
 * normally all the while.
 */
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadLoops, startService, type ServiceProcess } from '../../scripts/lib/service-process.ts';
import { PROJECT_ROOT } from '../ingest/fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const REQUEST_TIMEOUT_MS = 3000;
const HEADERS_TIMEOUT_MS = 2000;

/** Opens a connection, sends `head`, then `drip` one byte per `dripMs` until the server closes it. */
function slowClient(port: number, head: string, drip = '', dripMs = 500): Promise<{ status: number | null; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (data) => (reply += data.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ status: reply ? Number(reply.split(' ')[1]) : null, ms: performance.now() - started });
    });
    socket.write(head);
    let i = 0;
    if (drip) timer = setInterval(() => socket.writable && socket.write(drip[i++ % drip.length]!), dripMs);
  });
}

let service: ServiceProcess;
let port: number;
let root: string;

before(async () => {
  root = await tempDir('zhida-slow-');
  await cp(join(PROJECT_ROOT, 'seeds'), join(root, 'seeds'), { recursive: true });
  service = await startService({
    SEEDS_DIR: join(root, 'seeds'),
    INDEX_DIR: join(root, 'index'),
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    RATE_LIMIT_MAX: '1000000',
    LOG_LEVEL: 'warn',
  });
  await service.ready();
  port = Number(new URL(service.url).port);
});

after(async () => {
  await service.stop();
  await rm(root, { recursive: true, force: true });
});

describe('slow and stalled clients', () => {
  it('are closed with 408 within their deadline + 1 s while other clients are served', async () => {
    const load = loadLoops(`${service.url}/v1/ask`, 4, () => ({ question: '数据中心要充分利用哪些可再生能源？' }));
    const upload = 'POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"question":';
    const stalled = Array.from({ length: 300 }, () => slowClient(port, upload));
    const trickling = Array.from({ length: 50 }, () => slowClient(port, 'POST /v1/ask HTTP/1.1\r\n', 'X-Slow: aaaaaaaa\r\n', 200));
    const outcomes = await Promise.all([...stalled, ...trickling]);
    await sleep(200);
    const served = await load.stop();
    for (const [i, outcome] of outcomes.entries()) {
      const deadline = i < 300 ? REQUEST_TIMEOUT_MS : HEADERS_TIMEOUT_MS;
      assert.equal(outcome.status, 408, `client ${i}`);
      assert.ok(outcome.ms < deadline + 1000 + 1000, `client ${i} closed after ${Math.round(outcome.ms)} ms`);
    }
    assert.deepEqual(served.failed, []);
    assert.ok(served.ok > 20, `${served.ok} requests served meanwhile`);
  });
});
