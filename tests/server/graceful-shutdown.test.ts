import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./shutdown-fixture.ts', import.meta.url));

describe('closeOnSignals', () => {
  it('on SIGTERM finishes the in-flight request, drops silent connections and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit');
    let stdout = '';
    child.stdout.setEncoding('utf8');
    while (!/PORT \d+\n/.test(stdout)) {
      const [chunk] = (await once(child.stdout, 'data')) as [string];
      stdout += chunk;
    }
    const port = Number(/PORT (\d+)/.exec(stdout)?.[1]);

    // A connection that never sends a request must not hold the shutdown up.
    const silent = net.connect(port, '127.0.0.1');
    await once(silent, 'connect');
    silent.on('error', () => undefined);

    const inFlight = fetch(`http://127.0.0.1:${port}/v1/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '数字经济健康发展' }),
    });
    await sleep(150);
    const signalledAt = Date.now();
    child.kill('SIGTERM');

    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, 'answered');

    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
    assert.ok(Date.now() - signalledAt < 3000, 'exits soon after the last request');
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`));
  });
});
