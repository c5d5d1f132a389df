/** Worker thread: analyses documents (decode, chunk, normalise, tokenise, hash features) off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { LocalHashEmbeddings } from '../embeddings/local.ts';
import { JiebaTokenizer } from '../text/jieba.ts';
import { analyseDocument, type Analyser } from './analyse-document.ts';

export interface AnalyseWorkerData {
  chunking: Analyser['chunking'];
  /** Dimensions of the local embedder, or null when another embedder is used. */
  localDimensions: number | null;
}

export interface AnalyseRequest {
  id: number;
  source: string;
  bytes: Uint8Array;
}

const data = workerData as AnalyseWorkerData;
const tokenizer = new JiebaTokenizer();
const analyser: Analyser = {
  tokenizer,
  featureSource: data.localDimensions ? new LocalHashEmbeddings({ dimensions: data.localDimensions, tokenizer }) : null,
  chunking: data.chunking,
};

parentPort!.on('message', ({ id, source, bytes }: AnalyseRequest) => {
  try {
    const result = analyseDocument(source, bytes, analyser);
    const transfer = result.ok ? [...result.terms.map((t) => t.tfs.buffer), ...(result.features ?? []).flatMap((f) => [f.hashes.buffer, f.weights.buffer])] : [];
    parentPort!.postMessage({ id, result }, transfer as ArrayBuffer[]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
