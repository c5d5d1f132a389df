import { AppError } from '../errors.ts';
import type { ChatTurn, Sampling } from '../types.ts';
import { checkedQuestion } from './routes/ask.ts';
import { HISTORY_MAX_TURNS, HISTORY_TURN_MAX_CHARS } from './schemas/ask.ts';
import type { ChatCompletionBody, ChatMessage } from './schemas/chat-completions.ts';

export interface ChatQuestion {
  question: string;
  history: ChatTurn[];
}

/** A message with its content as text. */
export type TextMessage = Omit<ChatMessage, 'content'> & { content: string };

/**
 * The messages with their content as text: text parts are joined by line breaks; any other part (an image, a file,
 * audio) is refused, since the documents are searched with text only.
 */
export function textMessages(messages: readonly ChatMessage[], field = 'body/messages'): TextMessage[] {
  return messages.map((message, index) => {
    if (typeof message.content === 'string') return { ...message, content: message.content };
    const texts = message.content.map((part, partIndex) => {
      const where = `${field}/${index}/content/${partIndex}`;
      if (part.type !== 'text') throw new AppError('INVALID_REQUEST', `${where} is a "${part.type}" part: only "text" parts are accepted`);
      if (typeof part.text !== 'string') throw new AppError('INVALID_REQUEST', `${where} must have a string "text"`);
      return part.text;
    });
    return { ...message, content: texts.join('\n') };
  });
}

/** What the request asks of the model's sampling; OpenAI's max_completion_tokens replaces max_tokens. */
export function chatSampling(body: ChatCompletionBody): Sampling {
  const stop = typeof body.stop === 'string' ? [body.stop] : (body.stop ?? undefined);
  const sampling: Sampling = {
    temperature: body.temperature ?? undefined,
    topP: body.top_p ?? undefined,
    maxTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    stop: stop && stop.length > 0 ? stop : undefined,
    user: body.user,
  };
  return Object.fromEntries(Object.entries(sampling).filter(([, value]) => value !== undefined));
}

/**
 * The question and its history from OpenAI-style messages: the last user message is the question, the user
 * and assistant messages before it the history (the most recent HISTORY_MAX_TURNS, each cut to
 * HISTORY_TURN_MAX_CHARS, since only recent turns help to read a follow-up). System prompts are the
 * client's business, not the documents': they are ignored.
 */
export function chatQuestion(messages: readonly TextMessage[]): ChatQuestion {
  let last = messages.length - 1;
  while (last >= 0 && messages[last]!.role !== 'user') last--;
  if (last < 0) throw new AppError('INVALID_REQUEST', 'body/messages must include a message with role "user"');
  const question = checkedQuestion(messages[last]!.content);
  const history = messages
    .slice(0, last)
    .filter((message): message is TextMessage & ChatTurn => message.role === 'user' || message.role === 'assistant')
    .filter((message) => message.content.trim() !== '')
    .slice(-HISTORY_MAX_TURNS)
    .map(({ role, content }) => ({ role, content: [...content].slice(0, HISTORY_TURN_MAX_CHARS).join('') }));
  return { question, history };
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A rough token count, for the `usage` clients expect: about one token per CJK character and one per four
 * other non-space characters. Hand-written: the real count depends on a tokenizer this service does not use.
 */
export function estimateTokens(text: string): number {
  let wide = 0;
  let other = 0;
  for (const char of text) {
    if (WIDE.test(char)) wide++;
    else if (char.trim() !== '') other++;
  }
  return wide + Math.ceil(other / 4);
}
