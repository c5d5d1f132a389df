import { Worker } from 'node:worker_threads';
import type { AnalysedDocument } from './analyse-document.ts';
import type { AnalyseRequest, AnalyseWorkerData } from './analyse-worker.ts';

export interface DocumentAnalyser {
  analyse(source: string, bytes: Uint8Array): Promise<AnalysedDocument>;
  close(): Promise<void>;
}

/**
 * Worker threads that analyse documents while the main thread indexes the previous ones: on two cores,
 * tokenising and indexing overlap. Jobs go round-robin; results come back by id.
 */
export function createAnalyserPool(workers: number, data: AnalyseWorkerData): DocumentAnalyser {
  const pending = new Map<number, { resolve(r: AnalysedDocument): void; reject(e: Error): void }>();
  const fail = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const pool = Array.from({ length: workers }, () => {
    // A worker holds one document at a time: a small heap keeps its garbage from piling up.
    const worker = new Worker(new URL('./analyse-worker-entry.mjs', import.meta.url), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    worker.on('message', (message: { id: number; result?: AnalysedDocument; error?: string }) => {
      const job = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve(message.result!);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`document analyser exited with code ${code}`)));
    return worker;
  });
  let next = 0;
  return {
    analyse(source, bytes) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        pool[id % pool.length]!.postMessage({ id, source, bytes } satisfies AnalyseRequest);
      });
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
