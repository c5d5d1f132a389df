import { OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from '../config.ts';

export const OPENAI_EMBEDDER_KIND = 'openai';

/** Any OpenAI-compatible embeddings endpoint (OpenAI, Qwen, Ollama, vLLM …), chosen by EMBEDDINGS=openai. */
export function createOpenAIEmbeddings(config: Config): OpenAIEmbeddings {
  return new OpenAIEmbeddings({
    model: config.OPENAI_EMBEDDING_MODEL,
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    // Many compatible servers do not speak base64.
    encodingFormat: 'float',
    maxRetries: 1,
    batchSize: 64,
    configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {},
  });
}
