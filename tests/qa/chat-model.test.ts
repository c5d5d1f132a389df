import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HumanMessage } from '@langchain/core/messages';
import { parseConfig } from '../../src/config.ts';
import { createConfiguredChatModel } from '../../src/qa/chat-model.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.ts';

let server: FakeOpenAiServer;
before(async () => {
  server = await startFakeOpenAiServer({ chat: () => '好的' });
});
after(() => server.close());

const config = () => parseConfig({ LLM_MODEL: 'fake-chat-model', OPENAI_BASE_URL: server.baseURL, LLM_TEMPERATURE: '0.2' });

describe('createConfiguredChatModel', () => {
  it('talks to the configured OpenAI-compatible model with the configured temperature', async () => {
    const before = server.requestsTo('/v1/chat/completions').length;
    const model = await createConfiguredChatModel(config());
    assert.equal((await model.invoke([new HumanMessage('你好')])).text, '好的');
    const [sent] = server.requestsTo('/v1/chat/completions').slice(before);
    assert.equal(sent?.body.model, 'fake-chat-model');
    assert.equal(sent?.body.temperature, 0.2);
  });

  it("sends a request's sampling settings over the configured ones", async () => {
    const before = server.requestsTo('/v1/chat/completions').length;
    const model = await createConfiguredChatModel(config(), { temperature: 0.9, topP: 0.5, maxTokens: 64, stop: ['。'], user: 'u-1' });
    await model.invoke([new HumanMessage('你好')]);
    const [sent] = server.requestsTo('/v1/chat/completions').slice(before);
    assert.equal(sent?.body.temperature, 0.9);
    assert.equal(sent?.body.top_p, 0.5);
    assert.equal(sent?.body.max_tokens ?? sent?.body.max_completion_tokens, 64);
    assert.deepEqual(sent?.body.stop, ['。']);
    assert.equal(sent?.body.user, 'u-1');
  });

  it('names the provider package to install when a provider is not available', async () => {
    const other = parseConfig({ LLM_MODEL: 'some-model', LLM_PROVIDER: 'anthropic' });
    assert.equal(other.llmEnabled, true);
    await assert.rejects(createConfiguredChatModel(other), /@langchain\/anthropic/);
  });

  it('refuses an unknown provider with the list of supported ones', async () => {
    await assert.rejects(createConfiguredChatModel(parseConfig({ LLM_MODEL: 'm', LLM_PROVIDER: 'nosuch' })), /Unsupported \{ modelProvider: nosuch \}/);
  });
});
