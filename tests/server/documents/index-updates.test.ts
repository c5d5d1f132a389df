import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IngestProgress, IngestReport } from '../../../src/ingest/progress.ts';
import { IndexUpdates } from '../../../src/server/documents/index-updates.ts';

const report = (added: string[]): IngestReport => ({ added, changed: [], removed: [], unchanged: [], skipped: [], chunks: 0, embeddedChunks: 0, bytes: 0, seconds: 0.1, versionDir: '' });
const progress: IngestProgress = { phase: 'read', filesDone: 1, filesTotal: 2, bytesDone: 0, bytesTotal: 0, chunks: 0, embedded: 0 };
const silent = { error: () => undefined };

/** An update that runs until released, recording each run. */
function gatedUpdate() {
  const runs: (() => void)[] = [];
  const update = (onProgress: (p: IngestProgress) => void) =>
    new Promise<IngestReport>((resolve) => {
      onProgress(progress);
      runs.push(() => resolve(report([`run-${runs.length}`])));
    });
  return { runs, update };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('changes during a run are gathered into one more run, and each caller waits for a run that saw its change', async () => {
  const { runs, update } = gatedUpdate();
  const updates = new IndexUpdates(update, silent);
  let firstDone = false;
  let laterDone = 0;
  void updates.request().then(() => (firstDone = true));
  assert.deepEqual(updates.status(), { state: 'running', queued: false, progress });
  void updates.request().then(() => laterDone++);
  void updates.request().then(() => laterDone++);
  assert.equal(updates.status().queued, true);
  assert.equal(runs.length, 1, 'one run at a time');

  runs[0]!();
  await tick();
  assert.equal(firstDone, true);
  assert.equal(laterDone, 0, 'the later changes wait for the next run');
  assert.equal(runs.length, 2, 'the two later changes share one run');
  runs[1]!();
  await tick();
  assert.equal(laterDone, 2);
  assert.deepEqual(updates.status().last?.added, ['run-2']);
  assert.equal(updates.status().state, 'idle');
});

test('a failed run is reported in the status and releases its callers; the next change runs again', async () => {
  let fail = true;
  const updates = new IndexUpdates(async () => {
    if (fail) throw new Error('disk full');
    return report(['ok.txt']);
  }, silent);
  await updates.request();
  assert.equal(updates.status().last?.error, 'disk full');
  fail = false;
  await updates.request();
  assert.deepEqual([updates.status().last?.error, updates.status().last?.added], [undefined, ['ok.txt']]);
});
