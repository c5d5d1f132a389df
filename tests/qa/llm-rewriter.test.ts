import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createChatModel } from '../../src/answer/llm.ts';
import { llmRewriter } from '../../src/qa/llm-rewriter.ts';
import type { QuestionRewriter } from '../../src/qa/retrieval-qa-service.ts';
import { HISTORY } from '../support/conversation.ts';
import { type ChatReply, type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.ts';

let server: FakeOpenAiServer;
before(async () => {
  server = await startFakeOpenAiServer();
});
after(() => server.close());

function modelReplying(reply: ChatReply) {
  server.script({ chat: () => reply });
  return createChatModel({ model: 'fake-chat-model', baseURL: server.baseURL, timeoutMs: 5000, temperature: 0 });
}

describe('llmRewriter', () => {
  it("returns the model's standalone question", async () => {
    const before = server.requestsTo('/v1/chat/completions').length;
    const rewrite = llmRewriter(modelReplying('数据中心利用可再生能源的目标是多少？'));
    assert.equal(await rewrite('它的目标是多少？', HISTORY), '数据中心利用可再生能源的目标是多少？');
    assert.equal(server.requestsTo('/v1/chat/completions').length, before + 1);
  });

  it('falls back to the rule rewriter when the model fails, and says why', async () => {
    const failures: unknown[] = [];
    const rewrite = llmRewriter(modelReplying({ fail: 'status', status: 500 }), { onFallback: (error) => failures.push(error) });
    assert.equal(await rewrite('它的目标是多少？', HISTORY), '数据中心的目标是多少？');
    assert.equal(failures.length, 1);
  });

  it('falls back when the model replies with nothing usable', async () => {
    const rewrite = llmRewriter(modelReplying('   '));
    assert.equal(await rewrite('它的目标是多少？', HISTORY), '数据中心的目标是多少？');
  });

  it('asks the fallback when the model hands the follow-up back unchanged', async () => {
    const fallback: QuestionRewriter = async (question) => `fallback:${question}`;
    const rewrite = llmRewriter(modelReplying('它的目标是多少？'), { fallback });
    assert.equal(await rewrite('它的目标是多少？', HISTORY), 'fallback:它的目标是多少？');
  });

  it('uses the fallback it is given', async () => {
    const fallback: QuestionRewriter = async (question) => `fallback:${question}`;
    const rewrite = llmRewriter(modelReplying({ fail: 'destroy' }), { fallback });
    assert.equal(await rewrite('它的目标是多少？', HISTORY), 'fallback:它的目标是多少？');
  });
});
