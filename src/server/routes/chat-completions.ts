import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AskOptions } from '../../types.ts';
import { chatCompletion, streamChatCompletion, type CompletionMeta } from '../chat-completion.ts';
import { serviceOrigin } from '../service-origin.ts';
import { chatQuestion, chatSampling, estimateTokens, textMessages } from '../chat-messages.ts';
import { abortOnDisconnect } from '../client-disconnect.ts';
import { MODEL_ID, chatCompletionsSchema, modelsSchema, type ChatCompletionBody } from '../schemas/chat-completions.ts';

/** OpenAI-compatible chat completions and model list, so OpenAI clients can ask the documents. */
export default async function chatCompletionsRoutes(app: FastifyInstance) {
  const startedAt = Math.floor(Date.now() / 1000);

  app.get('/v1/models', { schema: modelsSchema }, async () => ({
    object: 'list',
    data: [{ id: MODEL_ID, object: 'model', created: startedAt, owned_by: 'zhida' }],
  }));

  app.post<{ Body: ChatCompletionBody }>('/v1/chat/completions', { schema: chatCompletionsSchema }, async (request, reply) => {
    const { model, stream, stream_options: streamOptions } = request.body;
    const messages = textMessages(request.body.messages);
    const { question, history } = chatQuestion(messages);
    const qa = request.qa();
    const meta: CompletionMeta = { id: `chatcmpl-${randomUUID().replaceAll('-', '')}`, created: Math.floor(Date.now() / 1000), model: model || MODEL_ID };
    const promptTokens = messages.reduce((sum, message) => sum + estimateTokens(message.content), 0);
    const disconnect = abortOnDisconnect(reply);
    const options: AskOptions = { history, signal: disconnect.signal, sampling: chatSampling(request.body) };
    try {
      if (stream) {
        const events = app.metrics.countAnswers(qa.askStream(question, options));
        const includeUsage = streamOptions?.include_usage === true;
        await streamChatCompletion(request, reply, events, { signal: disconnect.signal, meta, promptTokens, includeUsage, origin: serviceOrigin(request) });
        return reply;
      }
      const response = await qa.ask(question, options);
      app.metrics.countAnswer(response);
      return chatCompletion(meta, response, promptTokens, serviceOrigin(request));
    } finally {
      disconnect.dispose();
    }
  });
}
