import { Worker } from 'node:worker_threads';
import { createHnsw, HNSW_BUILD } from '../index/vector-store.ts';

/** What graph-worker.mjs is started with. */
interface GraphWorkerData {
  file: string;
  dimensions: number;
  capacity: number;
  build: typeof HNSW_BUILD;
}

/** A batch of vectors, `labels.length × dimensions` values back to back; `null` ends the graph. */
type GraphBatch = { labels: Uint32Array; vectors: Float32Array } | null;

/** One vector segment's graph while ingest builds it: points arrive in label order; `finish` writes it. */
export interface SegmentGraph {
  add(vector: ArrayLike<number>, label: number): void | Promise<void>;
  finish(): Promise<void>;
  /** Stops building without writing (ingest failed). */
  abandon(): Promise<void>;
}

export type OpenSegmentGraph = (file: string, dimensions: number, capacity: number) => SegmentGraph;

/** Builds the graph on the calling thread: for small corpora, where starting a thread costs more than it saves. */
export const inThreadGraph: OpenSegmentGraph = (file, dimensions, capacity) => {
  const graph = createHnsw(dimensions, capacity);
  return {
    add: (vector, label) => graph.addPoint(Array.isArray(vector) ? vector : Array.from(vector), label),
    finish: async () => {
      await graph.writeIndex(file);
    },
    abandon: async () => undefined,
  };
};

const BATCH = 512;
/** Vectors waiting for the graph: enough to keep it busy, little enough to keep ingest memory flat. */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;

/**
 * Builds the graph in a worker thread, so inserting into the graph (most of the vector pass) overlaps with
 * computing the next vectors on the main thread. Vectors go over as transferred batches; `add` waits while
 * more than MAX_QUEUED_BYTES of them are queued.
 */
export const workerGraph: OpenSegmentGraph = (file, dimensions, capacity) => {
  const workerData: GraphWorkerData = { file, dimensions, capacity, build: HNSW_BUILD };
  const worker = new Worker(new URL('./graph-worker.mjs', import.meta.url), { workerData });
  let failure: Error | null = null;
  let written: { resolve(): void; reject(error: Error): void } | null = null;
  let queued = 0;
  let drained: (() => void) | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    written?.reject(error);
    drained?.();
  };
  worker.on('message', (message: { added?: number; written?: true; error?: string }) => {
    if (message.error !== undefined) fail(new Error(message.error));
    else if (message.written) written?.resolve();
    else {
      queued -= message.added!;
      drained?.();
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => code !== 0 && fail(new Error(`vector graph builder exited with code ${code}`)));

  let labels = new Uint32Array(BATCH);
  let vectors = new Float32Array(BATCH * dimensions);
  let count = 0;
  const post = (batch: GraphBatch) => worker.postMessage(batch, batch ? [batch.labels.buffer as ArrayBuffer, batch.vectors.buffer as ArrayBuffer] : []);
  const flush = () => {
    if (!count) return;
    queued += count;
    post({ labels: labels.subarray(0, count), vectors: vectors.subarray(0, count * dimensions) });
    labels = new Uint32Array(BATCH);
    vectors = new Float32Array(BATCH * dimensions);
    count = 0;
  };
  const waitForRoom = async () => {
    while (queued * dimensions * 4 > MAX_QUEUED_BYTES && !failure) await new Promise<void>((resolve) => (drained = resolve));
    if (failure) throw failure;
  };
  return {
    add(vector, label) {
      if (failure) throw failure;
      labels[count] = label;
      vectors.set(vector, count * dimensions);
      if (++count < BATCH) return;
      flush();
      if (queued * dimensions * 4 > MAX_QUEUED_BYTES) return waitForRoom();
    },
    async finish() {
      flush();
      const done = new Promise<void>((resolve, reject) => (written = { resolve, reject }));
      if (failure) throw failure;
      post(null);
      try {
        await done;
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
    async abandon() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
};
