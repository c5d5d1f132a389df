/**
 * Walks every shell command of README.md on a fresh clone of this repository (committed HEAD, no ../shared
 * beside it): `npm ci && npm start` and the other servers run in the background until /readyz answers, the
 * commands run in order and must exit 0, LLM set-ups are checked as configuration (no key, no network).
 * Ports: the service's port (3000 in the README) is replaced by a free one. Usage: npm run check:readme
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.ts';
import { createConfiguredChatModel } from '../src/qa/chat-model.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { envAssignments, readmeCommands, type CommandBlock } from './lib/readme-commands.ts';

const COMMAND_TIMEOUT_MS = 15 * 60_000;
const READY_TIMEOUT_MS = 15 * 60_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The environment of a fresh shell: none of this project's settings. */
function cleanEnv(port: number): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SEEDS_DIR|INDEX_DIR|HOST|LLM_|OPENAI_|EMBEDDINGS|API_KEYS|SHARED_DIR|ZHIDA_)/.test(key)));
  return { ...env, PORT: String(port), FORCE_COLOR: '0' };
}

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

const clone = await mkdtemp(join(tmpdir(), 'zhida-readme-'));
const repo = join(clone, 'zhida');
spawnSync('git', ['clone', '--quiet', PROJECT_ROOT, repo], { stdio: 'inherit' });
const blocks = readmeCommands(readFileSync(join(repo, 'README.md'), 'utf8'));
const port = await freePort();
let server: ChildProcess | undefined;
const results: { block: CommandBlock; outcome: string }[] = [];
let failed = 0;

async function check(block: CommandBlock): Promise<string> {
  const script = block.script.replaceAll(':3000', `:${port}`);
  switch (block.mode) {
    case 'skip':
      return `skipped: ${block.reason}`;
    case 'config': {
      const config = parseConfig(envAssignments(script));
      if (!config.llmEnabled) throw new Error('does not turn the LLM on');
      if (config.LLM_PROVIDER === 'openai') await createConfiguredChatModel(config);
      return 'configuration accepted';
    }
    case 'background':
    case 'start': {
      const own = block.mode === 'start' ? await freePort() : port;
      if (block.mode === 'background') stop(server);
      const child = spawn('bash', ['-e', '-c', script], { cwd: repo, env: cleanEnv(own), detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
      try {
        await waitReady(own, child);
      } catch (error) {
        stop(child);
        throw error;
      }
      if (block.mode === 'start') stop(child);
      else server = child;
      return block.mode === 'start' ? 'started and answered /readyz' : 'serving (ready)';
    }
    case 'run': {
      const result = spawnSync('bash', ['-e', '-c', script], { cwd: repo, env: cleanEnv(port), encoding: 'utf8', timeout: COMMAND_TIMEOUT_MS });
      if (result.status !== 0) throw new Error(`exit ${result.status}\n${result.stdout.slice(-1500)}\n${result.stderr.slice(-1500)}`);
      return 'exit 0';
    }
  }
}

try {
  for (const block of blocks) {
    const started = Date.now();
    let outcome: string;
    try {
      outcome = await check(block);
    } catch (error) {
      failed++;
      outcome = `FAILED: ${(error as Error).message}`;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    results.push({ block, outcome });
    console.log(`README line ${block.line} [${block.mode}] ${seconds} s: ${block.script.split('\n')[0]}${block.script.includes('\n') ? ' …' : ''}\n  → ${outcome}`);
  }
} finally {
  stop(server);
  await rm(clone, { recursive: true, force: true });
}
console.log(`\n${results.length - failed} of ${results.length} README command blocks passed (${results.filter((r) => r.block.mode === 'skip').length} skipped with a reason).`);
process.exitCode = failed > 0 ? 1 : 0;
