/** The OpenAI-compatible routes driven by LangChain's ChatOpenAI over real HTTP, plain and streaming. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { AIMessageChunk } from '@langchain/core/messages';
import { HumanMessage, AIMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { FastifyInstance } from 'fastify';
import { ANSWER_TEXT, FakeQaService, PASSAGES } from './fake-qa-service.ts';
import { testApp } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';
const EXPECTED_CITATIONS = PASSAGES.slice(0, 3).map(({ debug: _debug, ...passage }, i) => ({ n: i + 1, ...passage }));

interface CitationBlock {
  type: string;
  url?: string;
  title?: string;
  startIndex?: number;
  endIndex?: number;
}

/** The LangChain citation annotations of a message's text blocks. */
function citationBlocks(message: AIMessage | AIMessageChunk): CitationBlock[] {
  const content = Array.isArray(message.content) ? message.content : [];
  return content.flatMap((block) => ((block as { annotations?: CitationBlock[] }).annotations ?? []));
}

/** What the annotations must say: each [n] of the answer, pointing at its passage. */
function assertCitations(annotations: CitationBlock[], base: string) {
  assert.equal(annotations.length, 3);
  for (const [i, annotation] of annotations.entries()) {
    const passage = EXPECTED_CITATIONS[i]!;
    assert.equal(annotation.type, 'citation');
    assert.equal(ANSWER_TEXT.slice(annotation.startIndex, annotation.endIndex), `[${i + 1}]`);
    assert.equal(annotation.title, [passage.source, ...passage.section].join(' › '));
    const url = new URL(annotation.url ?? '');
    assert.equal(url.origin, base);
    assert.deepEqual([url.searchParams.get('source'), Number(url.searchParams.get('start')), Number(url.searchParams.get('end'))], [passage.source, passage.start, passage.end]);
  }
}

describe("LangChain's ChatOpenAI", () => {
  let app: FastifyInstance;
  let base: string;
  const fake = new FakeQaService();
  before(async () => {
    app = await testApp(fake);
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(() => app.close());

  const model = (fields: Record<string, unknown> = {}) =>
    new ChatOpenAI({ model: 'zhida-rag', apiKey: 'unused', configuration: { baseURL: `${base}/v1` }, maxRetries: 0, ...fields });

  it('gets the answer with structured citations from the Responses API (invoke)', async () => {
    const reply = await model({ useResponsesApi: true }).invoke([new HumanMessage(QUESTION)]);
    assert.equal(reply.text, ANSWER_TEXT);
    assertCitations(citationBlocks(reply), base);
    const [message] = reply.response_metadata.output as { citations: unknown }[];
    assert.deepEqual(message?.citations, EXPECTED_CITATIONS);
  });

  it('gets the answer with structured citations from the Responses API (stream)', async () => {
    let merged: AIMessageChunk | undefined;
    let pieces = 0;
    for await (const chunk of await model({ useResponsesApi: true }).stream([new HumanMessage(QUESTION)])) {
      merged = merged ? merged.concat(chunk) : chunk;
      if (chunk.text !== '') pieces++;
    }
    assert.ok(merged);
    assert.ok(pieces > 1, 'the text arrives in pieces');
    assert.equal(merged.text, ANSWER_TEXT);
    assertCitations(citationBlocks(merged), base);
    assert.deepEqual(merged.response_metadata.citations, EXPECTED_CITATIONS);
  });

  it('sends history, and reads a follow-up, through the Responses API', async () => {
    const reply = await model({ useResponsesApi: true }).invoke([new HumanMessage('什么是数字经济？'), new AIMessage('数字经济是…[1]'), new HumanMessage(QUESTION)]);
    assert.equal(reply.text, ANSWER_TEXT);
    assert.deepEqual(fake.calls.at(-1)?.options?.history, [
      { role: 'user', content: '什么是数字经济？' },
      { role: 'assistant', content: '数字经济是…[1]' },
    ]);
  });

  it('gets the answer with its markers from chat completions, and the citations with the raw response kept', async () => {
    const plain = await model().invoke([new HumanMessage(QUESTION)]);
    assert.equal(plain.text, ANSWER_TEXT);
    const raw = await model({ __includeRawResponse: true }).invoke([new HumanMessage(QUESTION)]);
    const message = (raw.additional_kwargs.__raw_response as { choices: { message: { citations: unknown; annotations: unknown[] } }[] }).choices[0]!.message;
    assert.deepEqual(message.citations, EXPECTED_CITATIONS);
    assert.equal(message.annotations.length, 3);
  });

  it('streams the answer from chat completions, the citations on the raw last chunk', async () => {
    let text = '';
    let citations: unknown;
    for await (const chunk of await model({ __includeRawResponse: true }).stream([new HumanMessage(QUESTION)])) {
      text += chunk.text;
      const raw = chunk.additional_kwargs.__raw_response as { choices: { delta: { citations?: unknown } }[] } | undefined;
      citations ??= raw?.choices[0]?.delta.citations;
    }
    assert.equal(text, ANSWER_TEXT);
    assert.deepEqual(citations, EXPECTED_CITATIONS);
  });
});
