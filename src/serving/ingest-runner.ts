import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import { describeReport } from '../ingest/describe-report.ts';
import type { IngestProgress, IngestReport } from '../ingest/progress.ts';
import type { EngineLog } from '../engine.ts';
import type { IngestChildMessage, IngestRequest } from './ingest-messages.ts';

/** The heap limit `npm run ingest` runs with (package.json): ingest memory stays what BENCHMARKS.md measures. */
const INGEST_HEAP_MB = 512;
const CHILD_ENTRY = fileURLToPath(new URL('./ingest-process.ts', import.meta.url));

/** An ingest refused because another process is writing the same index folder. */
export class IngestBusyError extends Error {
  constructor(readonly holder: number) {
    super(`another ingest (pid ${holder}) is writing the index`);
    this.name = 'IngestBusyError';
  }
}

export interface IngestRun {
  full: boolean;
  /** Stops the ingest (the child is killed; the published index stays as it was). */
  signal?: AbortSignal;
  onProgress?(progress: IngestProgress): void;
}

/** Runs one ingest and resolves with its report once the new version is published. */
export type IngestRunner = (config: Config, run: IngestRun) => Promise<IngestReport>;

/**
 * Ingests in a child process with the CLI's heap limit: the server keeps answering from its event loop
 * while tokenising and graph building run elsewhere, and the ingest's peak memory is not added to the
 * server's. A crashed child (killed, out of memory) leaves the published index as it was.
 */
export function childProcessIngest(log: EngineLog): IngestRunner {
  return (config, run) =>
    new Promise((resolve, reject) => {
      const child = fork(CHILD_ENTRY, [], {
        execArgv: [`--max-old-space-size=${INGEST_HEAP_MB}`, '--import', import.meta.resolve('tsx')],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
        ...(run.signal ? { signal: run.signal } : {}),
      });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-2000)));
      let outcome: IngestChildMessage | undefined;
      child.on('message', (message: IngestChildMessage) => {
        if (message.type === 'progress') run.onProgress?.(message.progress);
        else if (message.type === 'log') log[message.level](message.message);
        else outcome = message;
      });
      // An abort also arrives here (AbortError) before 'exit'.
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (outcome?.type === 'done') {
          log.info(`${describeReport(outcome.report).replace(/\n/g, ' ')} (ingest peak RSS ${outcome.maxRssMB.toFixed(0)} MB)`);
          resolve(outcome.report);
        }
        else if (outcome?.type === 'failed') reject(outcome.lockedBy ? new IngestBusyError(outcome.lockedBy) : new Error(outcome.message));
        else reject(new Error(`the ingest process stopped (${signal ?? `exit code ${code}`})${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`));
      });
      const request: IngestRequest = { config, full: run.full };
      child.send(request);
    });
}
