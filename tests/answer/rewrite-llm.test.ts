import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createChatModel } from '../../src/answer/llm.ts';
import { prompts } from '../../src/answer/prompts.ts';
import { REWRITE_MAX_TURNS, rewriteQuestion } from '../../src/answer/rewrite-llm.ts';
import type { ChatTurn } from '../../src/types.ts';
import { HISTORY } from '../support/conversation.ts';
import { type ChatReply, type FakeOpenAiServer, messagesOf, startFakeOpenAiServer } from '../support/fake-openai-server.ts';


let server: FakeOpenAiServer;
before(async () => {
  server = await startFakeOpenAiServer();
});
after(() => server.close());

function modelReplying(reply: ChatReply, timeoutMs = 5000) {
  server.script({ chat: () => reply });
  return createChatModel({ model: 'fake-chat-model', baseURL: server.baseURL, timeoutMs, temperature: 0 });
}

describe('rewriteQuestion', () => {
  it('sends the history and the follow-up, and returns the standalone question', async () => {
    const before = server.requests.length;
    const question = await rewriteQuestion(modelReplying('数据中心集群要配套建设什么电站？'), HISTORY, '那集群要配套什么？');
    assert.equal(question, '数据中心集群要配套建设什么电站？');
    const sent = server.requests.slice(before);
    assert.equal(sent.length, 1);
    assert.deepEqual(messagesOf(sent[0]!), [
      {
        role: 'user',
        content: prompts.render('rewrite-question', {
          history: 'Q: 数据中心要充分利用哪些可再生能源？\nA: 要充分利用风能、太阳能、潮汐能、生物质能等可再生能源[1]。',
          question: '那集群要配套什么？',
        }),
      },
    ]);
  });

  it('keeps only the last turns of a long conversation', async () => {
    const long: ChatTurn[] = Array.from({ length: 10 }, (_, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: `第${i}轮` }));
    const before = server.requests.length;
    await rewriteQuestion(modelReplying('x'), long, '然后呢？');
    const prompt = messagesOf(server.requests[before]!)[0]?.content ?? '';
    assert.equal(REWRITE_MAX_TURNS, 6);
    assert.ok(prompt.includes('Q: 第4轮\nA: 第5轮'));
    assert.ok(!prompt.includes('第3轮'));
  });

  it('strips a label and quotes the model adds, and keeps the first line only', async () => {
    const question = await rewriteQuestion(modelReplying('问题：“贵州的算力保障基地面向哪里？”\n（已改写）'), HISTORY, '它面向哪里？');
    assert.equal(question, '贵州的算力保障基地面向哪里？');
  });

  it('keeps the quotes that belong to the question', async () => {
    for (const reply of ['“东数西算”工程在贵州有哪些任务？', '“东数西算”和“东数西存”有什么不同？']) {
      assert.equal(await rewriteQuestion(modelReplying(reply), HISTORY, '它有哪些任务？'), reply);
    }
  });

  it('returns the question without calling the model when there is no history', async () => {
    const before = server.requests.length;
    assert.equal(await rewriteQuestion(modelReplying('unused'), [], '东数西算是什么？'), '东数西算是什么？');
    assert.equal(server.requests.length, before);
  });

  for (const [name, reply] of [
    ['HTTP 500', { fail: 'status' }],
    ['no reply within the timeout', { fail: 'hang' }],
    ['empty content', { text: '' }],
  ] as const) {
    it(`keeps the original question on ${name} and reports why`, async () => {
      const errors: unknown[] = [];
      const question = await rewriteQuestion(modelReplying(reply, 300), HISTORY, '那集群呢？', { onError: (e) => errors.push(e) });
      assert.equal(question, '那集群呢？');
      assert.equal(errors.length, 1);
    });
  }
});
