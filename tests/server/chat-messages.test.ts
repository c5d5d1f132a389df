import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../src/errors.ts';
import { chatQuestion, chatSampling, estimateTokens, textMessages, type TextMessage } from '../../src/server/chat-messages.ts';

describe('chatQuestion', () => {
  it('takes the last user message as the question and earlier turns as history, without system messages', () => {
    const messages: TextMessage[] = [
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
    const messages: TextMessage[] = Array.from({ length: 25 }, (_, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: `第${i}轮` }));
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
    const code = (messages: TextMessage[]) => {
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

describe('textMessages', () => {
  it('joins the text parts of array content and keeps string content', () => {
    const messages = textMessages([
      { role: 'system', content: '只用中文回答' },
      { role: 'user', content: [{ type: 'text', text: '国家规划了' }, { type: 'text', text: '多少个集群？' }] },
    ]);
    assert.deepEqual(messages, [
      { role: 'system', content: '只用中文回答' },
      { role: 'user', content: '国家规划了\n多少个集群？' },
    ]);
  });

  it('refuses other part types, and text parts without text, naming the part', () => {
    assert.throws(
      () => textMessages([{ role: 'user', content: [{ type: 'text', text: '这是什么？' }, { type: 'image_url' }] }]),
      (error: AppError) => error.code === 'INVALID_REQUEST' && /messages\/0\/content\/1 is a "image_url" part/.test(error.message),
    );
    assert.throws(() => textMessages([{ role: 'user', content: [{ type: 'text' }] }]), /must have a string "text"/);
  });
});

describe('chatSampling', () => {
  it('maps the OpenAI fields to sampling settings and leaves out what is unset', () => {
    assert.deepEqual(chatSampling({ messages: [], temperature: 0.3, top_p: null, max_tokens: 100, stop: '。', user: 'u' }), {
      temperature: 0.3,
      maxTokens: 100,
      stop: ['。'],
      user: 'u',
    });
    assert.deepEqual(chatSampling({ messages: [], max_tokens: 100, max_completion_tokens: 50, stop: [] }), { maxTokens: 50 });
    assert.deepEqual(chatSampling({ messages: [] }), {});
  });
});
