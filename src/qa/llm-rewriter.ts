import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { rewriteQuestion } from '../answer/rewrite-llm.ts';
import type { QuestionRewriter } from './retrieval-qa-service.ts';
import { ruleRewriter } from './rule-rewriter.ts';

export interface LlmRewriterOptions {
  /** Rewrites instead when the model fails or replies with nothing usable; the rule rewriter unless told. */
  fallback?: QuestionRewriter;
  /** Told why the model's rewrite was not used, for logs. */
  onFallback?: (error: unknown) => void;
}

/**
 * A QuestionRewriter asking `llm` to make follow-ups standalone; a failed call never fails the question, and a
 * question the model leaves unchanged goes to the fallback.
 */
export function llmRewriter(llm: BaseChatModel, options: LlmRewriterOptions = {}): QuestionRewriter {
  const fallback = options.fallback ?? ruleRewriter;
  return async (question, history, signal) => {
    let failure: { error: unknown } | undefined;
    const rewritten = await rewriteQuestion(llm, history, question, { ...(signal ? { signal } : {}), onError: (error) => (failure = { error }) });
    if (failure) {
      options.onFallback?.(failure.error);
      return fallback(question, history);
    }
    // Small models often hand a follow-up back unchanged; the fallback rewrites it if it leans on the conversation.
    return rewritten.trim() === question.trim() ? fallback(question, history) : rewritten;
  };
}

