import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { RetrievalQaService } from '../../src/qa/retrieval-qa-service.ts';
import { ruleRewriter } from '../../src/qa/rule-rewriter.ts';
import type { Answerer, AskEvent, AskResponse, Retriever, SearchResult } from '../../src/types.ts';
import { PASSAGES } from './fake-qa-service.ts';
import { parseSse, testApp } from './test-app.ts';

/** Records what was searched; returns the first passage whatever the query. */
class RecordingRetriever implements Retriever {
  readonly queries: string[] = [];
  async search(query: string): Promise<SearchResult[]> {
    this.queries.push(query);
    return PASSAGES.slice(0, 1);
  }
}

/** Answers with the passage text and one citation. */
const answerer: Answerer = {
  mode: 'extractive',
  async answer(question, passages): Promise<AskResponse> {
    const [passage] = passages;
    const { debug: _debug, ...cited } = passage!;
    return { status: 'answered', answer: `${passage!.text}[1]`, mode: 'extractive', citations: [{ n: 1, ...cited }], question };
  },
  async *stream(question, passages, options): AsyncIterable<AskEvent> {
    const response = await this.answer(question, passages, options);
    yield { type: 'citations', citations: response.citations };
    yield { type: 'delta', text: response.answer };
    yield { type: 'done', response };
  },
};

const HISTORY = [
  { role: 'user', content: '到2025年贵州要培育几家百亿级平台经济企业？' },
  { role: 'assistant', content: '到2025年，培育百亿级平台经济企业1-2家[1]。' },
];
const STANDALONE = '到2035年贵州要培育几家百亿级平台经济企业？';

describe('POST /v1/ask with a follow-up', () => {
  let retriever: RecordingRetriever;
  let app: FastifyInstance;
  before(async () => {
    retriever = new RecordingRetriever();
    app = await testApp(new RetrievalQaService(retriever, answerer, 2, ruleRewriter));
  });
  after(() => app.close());

  it('searches and returns the standalone question', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/ask', payload: { question: '那2035年呢？', history: HISTORY } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().question, STANDALONE);
    assert.equal(retriever.queries.at(-1), STANDALONE);
  });

  it('does the same when streaming', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/ask', payload: { question: '那2035年呢？', history: HISTORY, stream: true } });
    const done = parseSse(res.payload).at(-1);
    assert.equal(done?.event, 'done');
    assert.equal((done?.data as AskResponse).question, STANDALONE);
  });

  it('leaves a question without history as it is', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/ask', payload: { question: '那2035年呢？' } });
    assert.equal(res.json().question, '那2035年呢？');
  });

  it('rewrites follow-ups on /v1/chat/completions from the earlier messages', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      payload: { model: 'any', messages: [{ role: 'system', content: '你是助手' }, ...HISTORY, { role: 'user', content: '那2035年呢？' }] },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().question, STANDALONE);
    assert.equal(retriever.queries.at(-1), STANDALONE);
  });
});
