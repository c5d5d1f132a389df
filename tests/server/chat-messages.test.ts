import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../src/errors.ts';
import { chatQuestion, estimateTokens } from '../../src/server/chat-messages.ts';
import type { ChatMessage } from '../../src/server/schemas/chat-completions.ts';

describe('chatQuestion', () => {
  it('takes the last user message as the question and earlier turns as history, without system messages', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: '只用中文回答' },
      { role: 'user', content: '数据中心要充分利用哪些可再生能源？' },
      { role: 'assistant', content: '风能、太阳能[1]。' },
      { role: 'developer', content: '简短' },
      { role: 'user', content: '  它的目标是多少？ ' },
    ];
    assert.deepEqual(chatQuestion(messages), {
      question: '它的目标是多少？',
      history: [
        { role: 'user', content: '数据中心要充分利用哪些可再生能源？' },
        { role: 'assistant', content: '风能、太阳能[1]。' },
      ],
    });
  });

  it('ignores messages after the last user message', () => {
    const result = chatQuestion([
      { role: 'user', content: '问题' },
      { role: 'assistant', content: '半句' },
    ]);
    assert.deepEqual(result, { question: '问题', history: [] });
  });

  it('keeps the 20 most recent turns, each cut to 4,000 characters, and drops empty ones', () => {
    const messages: ChatMessage[] = Array.from({ length: 25 }, (_, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: `第${i}轮` }));
    messages[23] = { role: 'assistant', content: '字'.repeat(5000) };
    messages[22] = { role: 'user', content: '   ' };
    messages.push({ role: 'user', content: '最后' });
    const { history } = chatQuestion(messages);
    assert.equal(history.length, 20);
    assert.equal(history[0]?.content, '第4轮');
    assert.equal(history.at(-2)?.content, '字'.repeat(4000));
    assert.equal(history.at(-1)?.content, '第24轮');
    assert.equal(history.some((turn) => turn.content.trim() === ''), false);
  });

  it('rejects messages without a user message, and empty or long questions, with their codes', () => {
    const code = (messages: ChatMessage[]) => {
      try {
        chatQuestion(messages);
        return 'none';
      } catch (error) {
        return (error as AppError).code;
      }
    };
    assert.equal(code([{ role: 'system', content: '你好' }]), 'INVALID_REQUEST');
    assert.equal(code([{ role: 'user', content: ' ' }]), 'EMPTY_QUESTION');
    assert.equal(code([{ role: 'user', content: '数'.repeat(2001) }]), 'QUESTION_TOO_LONG');
  });
});

describe('estimateTokens', () => {
  it('counts a CJK character as one token and four other characters as one', () => {
    assert.equal(estimateTokens('数字经济'), 4);
    assert.equal(estimateTokens('data center'), 3);
    assert.equal(estimateTokens('5G 网络，'), 4);
    assert.equal(estimateTokens(''), 0);
  });
});
