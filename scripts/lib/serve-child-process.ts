import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT, SEED_DIR } from './paths.ts';

export interface ServeChild {
  /** Base URL of the real service, e.g. http://127.0.0.1:41234 */
  serviceUrl: string;
  /** The same service with its retrieval and answer caches off. */
  uncachedUrl: string;
  /** Base URL of the bare Fastify app (route GET /bare). */
  bareUrl: string;
  /** Stops the child (SIGTERM, then SIGKILL after `graceMs`) and removes the temporary seeds and index. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

const CHILD_SCRIPT = join(PROJECT_ROOT, 'scripts/lib/serve-child.ts');

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve-child printed nothing within ${timeoutMs} ms`)), timeoutMs);
      lines.once('line', (line) => { clearTimeout(timer); resolve(line); });
      child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`serve-child exited early (code ${code}, signal ${signal})`)); });
    });
  } finally {
    lines.close();
  }
}

/**
 * Copies `seedsDir` into a temporary folder and starts scripts/lib/serve-child.ts on it in a separate Node process,
 * which builds a fresh index and listens on loopback ports. The temporary folder is removed by `stop()`.
 */
export async function startServeChild(seedsDir = SEED_DIR, startTimeoutMs = 120_000): Promise<ServeChild> {
  const root = await mkdtemp(join(tmpdir(), 'zhida-bench-serve-'));
  const seeds = join(root, 'seeds');
  const index = join(root, 'index');
  await cp(seedsDir, seeds, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, seeds, index], {
    cwd: PROJECT_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let stopped: Promise<void> | undefined;
  const stop = (graceMs = 10_000): Promise<void> =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited(child);
        clearTimeout(timer);
      }
      await rm(root, { recursive: true, force: true });
    })());
  try {
    const urls = JSON.parse(await firstLine(child, startTimeoutMs)) as { service: string; uncached: string; bare: string };
    return { serviceUrl: urls.service, uncachedUrl: urls.uncached, bareUrl: urls.bare, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
