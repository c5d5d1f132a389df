import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage } from '@langchain/core/messages';
import type { ChatTurn } from '../types.ts';
import { prompts as defaultPrompts, type PromptLibrary } from './prompts.ts';

/** Only the recent turns matter for resolving “它” or “那贵州呢”, and long answers would crowd the prompt. */
export const REWRITE_MAX_TURNS = 6;
export const REWRITE_MAX_TURN_CHARS = 400;
/** The API refuses longer questions; a longer rewrite is a reply, not a question. */
const MAX_QUESTION_CHARS = 2000;

export interface RewriteOptions {
  /** Cancels the call; the original question is kept, as for any other failure. */
  signal?: AbortSignal;
  prompts?: PromptLibrary;
  /** Told why the original question was kept (the model failed or replied with nothing usable). */
  onError?: (error: unknown) => void;
}

function formatHistory(history: readonly ChatTurn[]): string {
  return history
    .slice(-REWRITE_MAX_TURNS)
    .map((turn) => {
      const content = turn.content.replace(/\s+/g, ' ').trim();
      const short = content.length > REWRITE_MAX_TURN_CHARS ? `${content.slice(0, REWRITE_MAX_TURN_CHARS)}…` : content;
      return `${turn.role === 'user' ? 'Q' : 'A'}: ${short}`;
    })
    .join('\n');
}

/** Quotes a model may wrap its whole reply in, by opening character. */
const WRAPPING_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '「': '」', '『': '』' };

/** `text` without one pair of quotes around all of it; quotes that belong to the question (“东数西算”工程…) stay. */
function unwrapQuotes(text: string): string {
  const close = WRAPPING_QUOTES[text[0] ?? ''];
  if (!close || text.length < 2 || !text.endsWith(close)) return text;
  const inner = text.slice(1, -1);
  return inner.includes(close) ? text : inner.trim();
}

/** First non-empty line, without wrapping quotes or a "Question:" / "问题：" label the model may add. */
function cleanRewrite(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return unwrapQuotes(line.replace(/^(standalone question|question|问题|改写后的问题)\s*[:：]\s*/i, '').trim());
}

/**
 * Turns a follow-up into a question that can be searched on its own. Without history the question is returned as is.
 * Rewriting only improves retrieval, so any failure keeps the original question (reported through `onError`).
 */
export async function rewriteQuestion(
  llm: BaseChatModel,
  history: readonly ChatTurn[],
  question: string,
  options: RewriteOptions = {},
): Promise<string> {
  if (history.length === 0) return question;
  const library = options.prompts ?? defaultPrompts;
  try {
    const prompt = library.render('rewrite-question', { history: formatHistory(history), question });
    const reply = await llm.invoke([new HumanMessage(prompt)], options.signal ? { signal: options.signal } : {});
    const rewritten = cleanRewrite(reply.text);
    if (rewritten === '' || rewritten.length > MAX_QUESTION_CHARS) throw new Error(`unusable rewrite: ${JSON.stringify(reply.text)}`);
    return rewritten;
  } catch (error) {
    options.onError?.(error);
    return question;
  }
}
