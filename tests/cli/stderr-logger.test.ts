import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stderrLogger } from '../../src/cli/stderr-logger.ts';

describe('stderrLogger', () => {
  it('writes lines at or above its level, in pino call styles', () => {
    const lines: string[] = [];
    const log = stderrLogger('info', (line) => lines.push(line));
    log.debug('not shown');
    log.info('loading index');
    log.info({ chunks: 120 }, 'index loaded');
    log.error({ err: new Error('disk full') }, 'ingest failed');
    log.child({ module: 'ingest' }).warn('slow embedder');
    assert.deepEqual(lines, [
      '[info] loading index\n',
      '[info] index loaded {"chunks":120}\n',
      '[error] ingest failed: disk full\n',
      '[warn] slow embedder\n',
    ]);
  });

  it('writes nothing when silent', () => {
    const lines: string[] = [];
    const log = stderrLogger('silent', (line) => lines.push(line));
    log.fatal('boom');
    assert.deepEqual(lines, []);
  });
});
