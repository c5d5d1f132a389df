import { AppError } from '../errors.ts';
import type { ChatTurn } from '../types.ts';
import { checkedQuestion } from './routes/ask.ts';
import { HISTORY_MAX_TURNS, HISTORY_TURN_MAX_CHARS } from './schemas/ask.ts';
import type { ChatMessage } from './schemas/chat-completions.ts';

export interface ChatQuestion {
  question: string;
  history: ChatTurn[];
}

/**
 * The question and its history from OpenAI-style messages: the last user message is the question, the user
 * and assistant messages before it the history (the most recent HISTORY_MAX_TURNS, each cut to
 * HISTORY_TURN_MAX_CHARS, since only recent turns help to read a follow-up). System prompts are the
 * client's business, not the documents': they are ignored.
 */
export function chatQuestion(messages: readonly ChatMessage[]): ChatQuestion {
  let last = messages.length - 1;
  while (last >= 0 && messages[last]!.role !== 'user') last--;
  if (last < 0) throw new AppError('INVALID_REQUEST', 'body/messages must include a message with role "user"');
  const question = checkedQuestion(messages[last]!.content);
  const history = messages
    .slice(0, last)
    .filter((message): message is ChatMessage & ChatTurn => message.role === 'user' || message.role === 'assistant')
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
