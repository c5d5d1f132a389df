// Worker thread: builds one vector graph from the batches the main thread sends, then writes it.
// Plain JavaScript that loads nothing but hnswlib-node: a worker that loads TypeScript through tsx
// costs some 75 MB more, twice over when two graphs are built at once. Types: segment-graphs.ts.
import hnswlib from 'hnswlib-node';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ file: string, dimensions: number, capacity: number, build: { m: number, efConstruction: number, randomSeed: number } }} */
const { file, dimensions, capacity, build } = workerData;
const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
graph.initIndex({ maxElements: Math.max(1, capacity), ...build });
let failed = false;

// Synchronous calls only: this thread has nothing else to do, and no native work is left running when the
// main thread terminates it. After a failure the rest is ignored, as the main thread is giving up.
parentPort.on('message', (/** @type {{ labels: Uint32Array, vectors: Float32Array } | null} */ batch) => {
  if (failed) return;
  try {
    if (batch) {
      for (let i = 0; i < batch.labels.length; i++) {
        graph.addPoint(Array.from(batch.vectors.subarray(i * dimensions, (i + 1) * dimensions)), batch.labels[i]);
      }
      parentPort.postMessage({ added: batch.labels.length });
    } else {
      graph.writeIndexSync(file);
      parentPort.postMessage({ written: true });
    }
  } catch (error) {
    failed = true;
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
