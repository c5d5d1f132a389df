import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AskEvent, AskResponse, Citation } from '../types.ts';
import { estimateTokens } from './chat-messages.ts';
import { answerExtras, citationAnnotations } from './citation-annotations.ts';
import { chatCompletionChunkSchema } from './schemas/chat-completions.ts';
import { openEventStream } from './sse.ts';
import { StableCitations } from './stable-citations.ts';
import { reportStreamFailure } from './stream-failure.ts';

/** What every object of one completion shares. */
export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
}

function usage(promptTokens: number, answer: string) {
  const completionTokens = estimateTokens(answer);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

function answerFields(response: AskResponse, citations: Citation[]) {
  return { citations, status: response.status, question: response.question, ...answerExtras(response) };
}

/** What the message carries beside its text: the citations, as they are and as OpenAI annotations. */
function messageFields(text: string, response: AskResponse, citations: Citation[], origin: string) {
  const annotations = citationAnnotations(text, citations, origin).map((url_citation) => ({ type: 'url_citation', url_citation }));
  return { citations, annotations, ...answerExtras(response) };
}

/** The `chat.completion` object of a whole answer; `origin` is this service's URL, for the citations' links. */
export function chatCompletion(meta: CompletionMeta, response: AskResponse, promptTokens: number, origin: string) {
  return {
    ...meta,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: response.answer, ...messageFields(response.answer, response, response.citations, origin) },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: usage(promptTokens, response.answer),
    ...answerFields(response, response.citations),
  };
}

function chunk(meta: CompletionMeta, delta: Record<string, unknown>, finishReason: 'stop' | null = null) {
  return { ...meta, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] };
}

export interface ChatStreamOptions {
  signal: AbortSignal;
  meta: CompletionMeta;
  promptTokens: number;
  /** Send a `usage` chunk (no choices) before [DONE], as `stream_options.include_usage` asks. */
  includeUsage: boolean;
  /** This service's URL, for the citations' links. */
  origin: string;
}

/**
 * Sends an answer as OpenAI `chat.completion.chunk` events: the role, then the text as it comes (markers
 * numbered for good, see StableCitations), then a last chunk with finish_reason "stop", the citations and their
 * annotations (offsets into the whole streamed text),
 * then `data: [DONE]`. A failure after the stream has started is sent as `data: {"error":{code,message}}`,
 * which OpenAI clients raise as an API error. Stops quietly once `signal` fires (the client went away).
 */
export async function streamChatCompletion(
  request: FastifyRequest,
  reply: FastifyReply,
  events: AsyncIterable<AskEvent>,
  options: ChatStreamOptions,
): Promise<void> {
  const { signal, meta } = options;
  const iterator = events[Symbol.asyncIterator]();
  // Waiting for the first event before sending headers lets early failures keep their HTTP status.
  let step = await iterator.next();
  const stream = openEventStream(reply, signal);
  const send = (object: Record<string, unknown>) => stream.data(reply.serializeInput(object, chatCompletionChunkSchema));
  const numbering = new StableCitations();
  const sendText = async (text: string) => {
    if (text !== '') await send(chunk(meta, { content: text }));
  };
  try {
    await send(chunk(meta, { role: 'assistant', content: '' }));
    for (; !step.done && !signal.aborted; step = await iterator.next()) {
      const event = step.value;
      if (event.type === 'citations') await sendText(numbering.numberBy(event.citations));
      else if (event.type === 'delta') await sendText(numbering.push(event.text));
      else {
        await sendText(numbering.flush());
        const citations = numbering.citationsFor(event.response);
        const fields = messageFields(numbering.text, event.response, citations, options.origin);
        await send({ ...chunk(meta, fields, 'stop'), ...answerFields(event.response, citations) });
        if (options.includeUsage) await send({ ...meta, object: 'chat.completion.chunk', choices: [], usage: usage(options.promptTokens, numbering.text) });
        await stream.data('[DONE]');
        break;
      }
    }
  } catch (error) {
    await reportStreamFailure(request, error, signal, 'chat completion', (body) => stream.data(JSON.stringify(body)));
  } finally {
    stream.end();
    // Lets the engine release what it holds (e.g. an LLM request) when we stop early.
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
  if (signal.aborted) request.log.info('client disconnected during the chat completion stream');
}
