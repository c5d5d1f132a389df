import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { USAGE } from '../../src/cli/ask-args.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('src/cli/ask.ts', () => {
  it('exits 2 with the usage line when no question is given', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `No question given\n${USAGE}\n`);
    assert.equal(result.stdout, '');
  });
});
