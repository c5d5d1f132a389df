import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ANSWER_TEXT, FakeQaService, fixedResponseQa, NO_ANSWER_TEXT } from './fake-qa-service.ts';
import { fakeAppPerSuite, parseSse, testApp } from './test-app.ts';

const QUESTION = '数字经济健康发展有哪三个“有利于”？';

function respond(app: FastifyInstance, payload: unknown) {
  return app.inject({ method: 'POST', url: '/v1/responses', payload: payload as Record<string, unknown> });
}

describe('POST /v1/responses', () => {
  const suite = fakeAppPerSuite();
  let fake: FakeQaService;
  let app: FastifyInstance;
  beforeEach(() => ({ fake, app } = suite.current()));

  it('answers a string input with one output message whose text part carries an annotation per marker', async () => {
    const res = await respond(app, { model: 'gpt-4o', input: QUESTION, temperature: 0.5, max_output_tokens: 100 });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.match(body.id, /^resp_[0-9a-f]{32}$/);
    assert.equal(body.object, 'response');
    assert.equal(body.status, 'completed');
    assert.equal(body.model, 'gpt-4o');
    assert.equal(body.answer_status, 'answered');
    const [message] = body.output;
    assert.equal(message.role, 'assistant');
    assert.equal(message.content[0].text, ANSWER_TEXT);
    assert.deepEqual(
      message.content[0].annotations.map((a: { start_index: number; end_index: number }) => ANSWER_TEXT.slice(a.start_index, a.end_index)),
      ['[1]', '[2]', '[3]'],
    );
    assert.equal(message.citations.length, 3);
    assert.deepEqual(fake.calls.at(-1)?.options?.sampling, { temperature: 0.5, maxTokens: 100 });
  });

  it('reads input messages with input_text and output_text parts as the question and its history', async () => {
    await respond(app, {
      input: [
        { role: 'developer', content: '简短' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: '什么是数字经济？' }] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: '数字经济是…', annotations: [] }] },
        { role: 'user', content: QUESTION },
      ],
    });
    const call = fake.calls.at(-1);
    assert.equal(call?.text, QUESTION);
    assert.deepEqual(call?.options?.history, [
      { role: 'user', content: '什么是数字经济？' },
      { role: 'assistant', content: '数字经济是…' },
    ]);
  });

  it('reports no_answer as a completed response', async () => {
    const body = (await respond(app, { input: '今天天气怎么样？' })).json();
    assert.equal(body.answer_status, 'no_answer');
    assert.equal(body.output[0].content[0].text, NO_ANSWER_TEXT);
    assert.deepEqual(body.output[0].content[0].annotations, []);
  });

  const invalid: [string, unknown, string][] = [
    ['a tool output item', { input: [{ type: 'function_call_output', call_id: 'c', output: 'x' }] }, 'body/input/0 is a "function_call_output" item: only messages are accepted'],
    ['an image part', { input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'http://x/y.png' }] }] }, 'body/input/0/content/0 is a "input_image" part: only "text" parts are accepted'],
    ['no input', {}, 'body is missing the required field "input"'],
  ];
  for (const [name, payload, message] of invalid) {
    it(`rejects ${name} with 400 INVALID_REQUEST`, async () => {
      const res = await respond(app, payload);
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json(), { error: { code: 'INVALID_REQUEST', message } });
    });
  }

  it('streams created, the text deltas, an annotation per marker and completed, numbered in sequence', async () => {
    const res = await respond(app, { input: QUESTION, stream: true });
    const events = parseSse(res.payload);
    const types = events.map((e) => e.event);
    assert.deepEqual(types.slice(0, 3), ['response.created', 'response.output_item.added', 'response.content_part.added']);
    assert.equal(types.at(-1), 'response.completed');
    assert.deepEqual(events.map((e) => (e.data as { sequence_number: number }).sequence_number), events.map((_, i) => i));
    for (const e of events) assert.equal((e.data as { type: string }).type, e.event);
    const text = events.filter((e) => e.event === 'response.output_text.delta').map((e) => (e.data as { delta: string }).delta).join('');
    assert.equal(text, ANSWER_TEXT);
    assert.equal(types.filter((t) => t === 'response.output_text.annotation.added').length, 3);
    const completed = events.at(-1)!.data as { response: { output: { content: { text: string }[] }[]; citations: unknown[] } };
    assert.equal(completed.response.output[0]!.content[0]!.text, ANSWER_TEXT);
    assert.equal(completed.response.citations.length, 3);
  });
});

describe('POST /v1/responses when the engine fails midway', () => {
  it('ends the stream with one error event, without leaking the cause', async () => {
    const app = await testApp(new FakeQaService({ failMidStreamWith: new Error('socket hang up at 10.0.0.7') }));
    try {
      const events = parseSse((await respond(app, { input: QUESTION, stream: true })).payload);
      assert.equal(events.at(-1)?.event, 'error');
      assert.deepEqual({ ...(events.at(-1)?.data as object), sequence_number: 0 }, { type: 'error', sequence_number: 0, code: 'INTERNAL', message: 'Internal error', param: null });
      assert.equal(events.some((e) => e.event === 'response.completed'), false);
    } finally {
      await app.close();
    }
  });
});

describe('POST /v1/responses when the LLM failed and the offline answerer answered', () => {
  it('marks the response with fallback, as /v1/ask does', async () => {
    const fake = new FakeQaService();
    const answered = await fake.ask(QUESTION, {});
    const app = await testApp(fixedResponseQa({ ...answered, fallback: 'llm_unavailable' }));
    const body = (await respond(app, { input: QUESTION })).json();
    assert.equal(body.fallback, 'llm_unavailable');
    await app.close();
  });
});
