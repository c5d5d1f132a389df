import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('src/server/server.ts', () => {
  it('prints one line per bad setting and exits 1 when the configuration is invalid', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: 'eighty', LOG_LEVEL: 'loud' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines[0], 'Invalid configuration (see .env.example):');
    assert.ok(lines.some((line) => line.startsWith('  - PORT="eighty": ')), result.stderr);
    assert.ok(lines.some((line) => line.startsWith('  - LOG_LEVEL="loud": ')), result.stderr);
    assert.equal(result.stdout, '');
  });
});
