import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

/** One JSON log line of the service. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Every log line so far. */
  logs: LogLine[];
  /** Resolves with /readyz's body once it answers 200. */
  ready(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** SIGTERM (then SIGKILL after 10 s); resolves when the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** A loopback port nothing listens on: bound, read, then released. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The real service as `npm start` runs it (src/server/server.ts), on a free loopback port, with `env` on top of ours. */
export async function startService(env: Record<string, string>, listenTimeoutMs = 60_000): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/server/server.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: LogLine[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      logs.push(JSON.parse(text) as LogLine);
    } catch {
      // Not a log line.
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const listening = (async () => {
    const deadline = Date.now() + listenTimeoutMs;
    while ((await fetch(`${url}/healthz`).catch(() => null))?.status !== 200) {
      if (child.exitCode !== null) throw new Error(`the service exited (code ${child.exitCode}) before listening`);
      if (Date.now() > deadline) throw new Error(`the service did not listen within ${listenTimeoutMs} ms`);
      await sleep(50);
    }
  })();
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    })());
  try {
    await listening;
  } catch (error) {
    await stop();
    throw error;
  }
  const ready = async (timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the service exited (code ${child.exitCode})`);
      const res = await fetch(`${url}/readyz`).catch(() => null);
      if (res?.status === 200) return (await res.json()) as Record<string, unknown>;
      if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
      await sleep(100);
    }
  };
  return { url, child, logs, ready, stop };
}

export interface LoadResult {
  ok: number;
  /** Non-2xx answers and network errors, with what they were. */
  failed: string[];
}

/**
 * `connections` loops, each posting `body(i)` to `url` one request after another until `stop()` is called.
 * Counts every request that fails (non-2xx status or network error) rather than giving up.
 */
export function loadLoops(url: string, connections: number, body: (i: number) => object): { stop(): Promise<LoadResult> } {
  let running = true;
  const result: LoadResult = { ok: 0, failed: [] };
  let counter = 0;
  const loop = async () => {
    while (running) {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body(counter++)), signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.ok) result.ok++;
        else result.failed.push(`status ${res.status}`);
      } catch (error) {
        result.failed.push((error as Error).message);
      }
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return result;
    },
  };
}
