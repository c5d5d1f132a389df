import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAskArgs } from '../../src/cli/ask-args.ts';

describe('parseAskArgs', () => {
  it('reads the question', () => {
    assert.deepEqual(parseAskArgs(['东数西算是什么？']), { question: '东数西算是什么？', json: false });
  });

  it('joins several words and reads --json and --k', () => {
    assert.deepEqual(parseAskArgs(['--json', '--k', '7', '东数西算', '是什么？']), { question: '东数西算 是什么？', json: true, k: 7 });
    assert.deepEqual(parseAskArgs(['--k=3', '问题']), { question: '问题', json: false, k: 3 });
  });

  it('reads --url, and refuses one that is not a URL', () => {
    assert.deepEqual(parseAskArgs(['--url', 'http://127.0.0.1:3000', '问题']), { question: '问题', json: false, url: 'http://127.0.0.1:3000' });
    assert.deepEqual(parseAskArgs(['--url', 'localhost', '问题']), { error: '--url must be a URL such as http://127.0.0.1:3000, got "localhost"' });
    assert.deepEqual(parseAskArgs(['--local', '问题']), { question: '问题', json: false, local: true });
    assert.deepEqual(parseAskArgs(['--local', '--url', 'http://x', '问题']), { error: '--url and --local exclude each other' });
  });

  it('reports a missing question', () => {
    assert.deepEqual(parseAskArgs([]), { error: 'No question given' });
    assert.deepEqual(parseAskArgs(['--json', '  ']), { error: 'No question given' });
  });

  it('reports a bad --k', () => {
    for (const k of ['0', '21', '2.5', 'three', '-1']) {
      assert.deepEqual(parseAskArgs([`--k=${k}`, '问题']), { error: `--k must be a whole number from 1 to 20, got "${k}"` }, k);
    }
  });

  it('reports unknown options', () => {
    const result = parseAskArgs(['--verbose', '问题']);
    assert.ok('error' in result);
    assert.match(result.error, /--verbose/);
  });
});
