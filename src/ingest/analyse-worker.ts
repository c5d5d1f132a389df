/** Worker thread: analyses documents (decode, chunk, normalise, tokenise) off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { JiebaTokenizer } from '../text/jieba.ts';
import { analyseDocument, type Analyser } from './analyse-document.ts';
import { createOcr } from './readers/ocr.ts';

export interface AnalyseWorkerData {
  chunking: Analyser['chunking'];
  /** Tesseract's command and languages when OCR is installed. */
  ocr: { command: string; languages: string } | null;
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
  chunking: data.chunking,
  ocr: data.ocr ? createOcr(data.ocr.command, data.ocr.languages) : null,
};

parentPort!.on('message', async ({ id, source, bytes }: AnalyseRequest) => {
  try {
    parentPort!.postMessage({ id, result: await analyseDocument(source, bytes, analyser) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
