/**
 * The configured chat model, built by LangChain's `initChatModel`, so LLM_PROVIDER can name any provider LangChain
 * supports (openai covers every OpenAI-compatible server: DeepSeek, Qwen, Ollama, vLLM …).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { initChatModel } from 'langchain/chat_models/universal';
import type { Config } from '../config.ts';
import type { Sampling } from '../types.ts';

export type ChatModelConfig = Pick<Config, 'LLM_MODEL' | 'LLM_PROVIDER' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'LLM_TIMEOUT_MS' | 'LLM_TEMPERATURE'>;

/** LangChain's parameter names for what a request may set; unset ones keep the configured defaults. */
function samplingFields(sampling: Sampling): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    temperature: sampling.temperature,
    topP: sampling.topP,
    maxTokens: sampling.maxTokens,
    stop: sampling.stop,
    user: sampling.user,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function providerFields(config: ChatModelConfig): Record<string, unknown> {
  if (config.LLM_PROVIDER !== 'openai') return config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {};
  return {
    // A local OpenAI-compatible server needs no key, but the client refuses to start without one.
    apiKey: config.OPENAI_API_KEY ?? 'unused',
    configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {},
  };
}

/** The chat model of `config`, with a request's sampling settings over the configured ones. */
export async function createConfiguredChatModel(config: ChatModelConfig, sampling: Sampling = {}): Promise<BaseChatModel> {
  if (!config.LLM_MODEL) throw new Error('LLM_MODEL is not set: set it (and OPENAI_API_KEY or OPENAI_BASE_URL) to answer with an LLM');
  return initChatModel(config.LLM_MODEL, {
    modelProvider: config.LLM_PROVIDER,
    temperature: config.LLM_TEMPERATURE,
    timeout: config.LLM_TIMEOUT_MS,
    // The fallback answers at once instead of the user waiting for a retry.
    maxRetries: 0,
    ...providerFields(config),
    ...samplingFields(sampling),
  });
}
