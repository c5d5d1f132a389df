import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage } from '@langchain/core/messages';
import { prompts as defaultPrompts, type PromptLibrary } from '../answer/prompts.ts';
import type { QueryTranslator } from '../retrieval/translating-retriever.ts';

/** A longer reply is an answer or an essay, not a translated question. */
const MAX_TRANSLATION_CHARS = 500;

/** Asks the model to translate a question into Chinese for searching; null on any failure (the original is searched). */
export function llmTranslator(llm: BaseChatModel, options: { prompts?: PromptLibrary; onError?: (error: unknown) => void } = {}): QueryTranslator {
  const library = options.prompts ?? defaultPrompts;
  return async (query, signal) => {
    try {
      const reply = await llm.invoke([new HumanMessage(library.render('translate-question', { question: query }))], signal ? { signal } : {});
      const line = reply.text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
      const translated = line.replace(/^["'“‘「『]+|["'”’」』]+$/g, '').trim();
      if (!translated || translated.length > MAX_TRANSLATION_CHARS) throw new Error(`unusable translation: ${JSON.stringify(reply.text)}`);
      return translated;
    } catch (error) {
      options.onError?.(error);
      return null;
    }
  };
}
