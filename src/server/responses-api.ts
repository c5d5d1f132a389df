/**
 * Answers in the shape of OpenAI's Responses API: the one format in which LangChain's ChatOpenAI keeps citations
 * (url_citation annotations become citation content blocks of the AIMessage).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { AskEvent, AskResponse, Citation, Sampling } from '../types.ts';
import { estimateTokens, type TextMessage, textMessages } from './chat-messages.ts';
import { answerExtras, citationAnnotations } from './citation-annotations.ts';
import type { ChatMessage } from './schemas/chat-completions.ts';
import type { ResponseInputItem, ResponsesBody } from './schemas/responses.ts';
import { openEventStream } from './sse.ts';
import { StableCitations } from './stable-citations.ts';
import { reportStreamFailure } from './stream-failure.ts';

/** Input part types that carry text: what the user wrote, and answers sent back as history. */
const TEXT_PARTS = new Set(['input_text', 'output_text', 'text']);

/** The request's input as chat messages with text content; other item or part types are refused. */
export function responseMessages(input: ResponsesBody['input']): TextMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const messages = input.map((item: ResponseInputItem, index): ChatMessage => {
    const where = `body/input/${index}`;
    if (item.type !== undefined && item.type !== 'message') throw new AppError('INVALID_REQUEST', `${where} is a "${item.type}" item: only messages are accepted`);
    if (!item.role || item.content === undefined) throw new AppError('INVALID_REQUEST', `${where} must have "role" and "content"`);
    const content = typeof item.content === 'string' ? item.content : item.content.map((part) => (TEXT_PARTS.has(part.type) ? { ...part, type: 'text' } : part));
    return { role: item.role, content };
  });
  return textMessages(messages, 'body/input');
}

export function responseSampling(body: ResponsesBody): Sampling {
  const sampling: Sampling = { temperature: body.temperature ?? undefined, topP: body.top_p ?? undefined, maxTokens: body.max_output_tokens ?? undefined, user: body.user };
  return Object.fromEntries(Object.entries(sampling).filter(([, value]) => value !== undefined));
}

export interface ResponseMeta {
  id: string;
  messageId: string;
  createdAt: number;
  model: string;
  inputTokens: number;
  /** This service's URL, for the citations' links. */
  origin: string;
}

function outputMessage(meta: ResponseMeta, text: string, citations: Citation[], status: 'in_progress' | 'completed') {
  const annotations = citationAnnotations(text, citations, meta.origin).map((annotation) => ({ type: 'url_citation', ...annotation }));
  return { type: 'message', id: meta.messageId, status, role: 'assistant', content: [{ type: 'output_text', text, annotations }], citations };
}

function responseShell(meta: ResponseMeta) {
  return { id: meta.id, object: 'response', created_at: meta.createdAt, model: meta.model, error: null, incomplete_details: null };
}

/** The completed response object of a whole answer. */
export function responseObject(meta: ResponseMeta, response: AskResponse, text = response.answer, citations = response.citations) {
  const outputTokens = estimateTokens(text);
  return {
    ...responseShell(meta),
    status: 'completed',
    output: [outputMessage(meta, text, citations, 'completed')],
    usage: { input_tokens: meta.inputTokens, output_tokens: outputTokens, total_tokens: meta.inputTokens + outputTokens },
    citations,
    answer_status: response.status,
    question: response.question,
    ...answerExtras(response),
  };
}

/**
 * Streams an answer as Responses API events: response.created, the message and its text part opened, the text as
 * output_text.delta events (markers numbered for good, see StableCitations), one output_text.annotation.added per
 * marker, the part and message closed, then response.completed with the whole response. A failure after the start
 * is sent as an `error` event. Stops quietly once `signal` fires.
 */
export async function streamResponse(request: FastifyRequest, reply: FastifyReply, events: AsyncIterable<AskEvent>, meta: ResponseMeta, signal: AbortSignal): Promise<void> {
  const iterator = events[Symbol.asyncIterator]();
  // Waiting for the first event before sending headers lets early failures keep their HTTP status.
  let step = await iterator.next();
  const stream = openEventStream(reply, signal);
  let sequence = 0;
  const send = (type: string, fields: Record<string, unknown>) => stream.send(type, JSON.stringify({ type, sequence_number: sequence++, ...fields }));
  const at = { item_id: meta.messageId, output_index: 0, content_index: 0 };
  const numbering = new StableCitations();
  const sendText = async (delta: string) => {
    if (delta !== '') await send('response.output_text.delta', { ...at, delta, logprobs: [] });
  };
  try {
    await send('response.created', { response: { ...responseShell(meta), status: 'in_progress', output: [] } });
    await send('response.output_item.added', { output_index: 0, item: { type: 'message', id: meta.messageId, status: 'in_progress', role: 'assistant', content: [] } });
    await send('response.content_part.added', { ...at, part: { type: 'output_text', text: '', annotations: [] } });
    for (; !step.done && !signal.aborted; step = await iterator.next()) {
      const event = step.value;
      if (event.type === 'citations') await sendText(numbering.numberBy(event.citations));
      else if (event.type === 'delta') await sendText(numbering.push(event.text));
      else {
        await sendText(numbering.flush());
        const completed = responseObject(meta, event.response, numbering.text, numbering.citationsFor(event.response));
        const [message] = completed.output;
        const part = message!.content[0]!;
        for (const [index, annotation] of part.annotations.entries()) await send('response.output_text.annotation.added', { ...at, annotation_index: index, annotation });
        await send('response.output_text.done', { ...at, text: part.text, logprobs: [] });
        await send('response.content_part.done', { ...at, part });
        await send('response.output_item.done', { output_index: 0, item: message });
        await send('response.completed', { response: completed });
        break;
      }
    }
  } catch (error) {
    await reportStreamFailure(request, error, signal, 'response', (body) => send('error', { code: body.error.code, message: body.error.message, param: null }));
  } finally {
    stream.end();
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
  if (signal.aborted) request.log.info('client disconnected during the response stream');
}
