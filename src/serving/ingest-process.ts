/**
 * Child-process side of a server-started ingest: builds the index with the configuration the parent
 * sends, reports progress and the result over IPC, then exits. Running apart keeps the ingest's memory
 * and CPU-bound stretches out of the serving process (see ingest-runner.ts).
 */
import type { Config } from '../config.ts';
import { buildIndex } from '../ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../ingest/from-config.ts';
import { IngestLockedError } from '../index/versions.ts';
import type { IngestChildMessage, IngestRequest } from './ingest-messages.ts';

/** Progress is sent at most this often: the parent only shows it in /readyz. */
const PROGRESS_EVERY_MS = 250;

function send(message: IngestChildMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
}

async function run({ config, full }: IngestRequest): Promise<void> {
  const log = { info: (message: string) => void send({ type: 'log', level: 'info', message }), warn: (message: string) => void send({ type: 'log', level: 'warn', message }) };
  let lastProgress = 0;
  try {
    const report = await buildIndex({
      ...ingestOptionsFromConfig(Object.freeze(config) as Config, log),
      full,
      onProgress: (progress) => {
        if (performance.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = performance.now();
        void send({ type: 'progress', progress });
      },
    });
    await send({ type: 'done', report, maxRssMB: process.resourceUsage().maxRSS / 1024 });
  } catch (error) {
    await send({ type: 'failed', message: (error as Error).message, lockedBy: error instanceof IngestLockedError ? error.holder : null });
  }
  if (process.connected) process.disconnect();
}

process.once('message', (request: IngestRequest) => void run(request));
