import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { envAssignments, readmeCommands } from '../../scripts/lib/readme-commands.ts';
import { parseConfig } from '../../src/config.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('readmeCommands', () => {
  it('reads sh blocks with the check mode on the line before, and skips other blocks', () => {
    const markdown = ['<!-- check: background -->', '```sh', 'npm start', '```', '', '```js', 'x()', '```', '<!-- check: skip needs systemd -->', '', '```sh', 'a', 'b', '```', '```sh', 'c', '```'].join('\n');
    assert.deepEqual(readmeCommands(markdown), [
      { line: 2, mode: 'background', reason: '', script: 'npm start' },
      { line: 11, mode: 'skip', reason: 'needs systemd', script: 'a\nb' },
      { line: 15, mode: 'run', reason: '', script: 'c' },
    ]);
  });

  it('refuses an unknown mode', () => {
    assert.throws(() => readmeCommands('<!-- check: maybe -->\n```sh\nx\n```'), /unknown check mode "maybe"/);
  });
});

describe('the README', () => {
  const blocks = readmeCommands(README);

  it('has its LLM set-up blocks as exact variables that the configuration accepts and that turn the LLM on', () => {
    const configs = blocks.filter((b) => b.mode === 'config');
    assert.ok(configs.length >= 6);
    for (const block of configs) {
      const config = parseConfig(envAssignments(block.script));
      assert.equal(config.llmEnabled, true, block.script);
    }
  });

  it('says why each command it does not run is left out', () => {
    for (const block of blocks.filter((b) => b.mode === 'skip')) assert.notEqual(block.reason, '', `line ${block.line}`);
  });
});
