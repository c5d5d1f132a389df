import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AskOptions } from '../../types.ts';
import { chatQuestion, estimateTokens } from '../chat-messages.ts';
import { abortOnDisconnect } from '../client-disconnect.ts';
import { responseMessages, responseObject, responseSampling, streamResponse, type ResponseMeta } from '../responses-api.ts';
import { MODEL_ID } from '../schemas/chat-completions.ts';
import { responsesSchema, type ResponsesBody } from '../schemas/responses.ts';
import { serviceOrigin } from '../service-origin.ts';

const newId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/** OpenAI's Responses API, for clients that keep citations only from it (LangChain's ChatOpenAI with useResponsesApi). */
export default async function responsesRoute(app: FastifyInstance) {
  app.post<{ Body: ResponsesBody }>('/v1/responses', { schema: responsesSchema }, async (request, reply) => {
    const messages = responseMessages(request.body.input);
    const { question, history } = chatQuestion(messages);
    const qa = request.qa();
    const meta: ResponseMeta = {
      id: newId('resp'),
      messageId: newId('msg'),
      createdAt: Math.floor(Date.now() / 1000),
      model: request.body.model || MODEL_ID,
      inputTokens: messages.reduce((sum, message) => sum + estimateTokens(message.content), 0),
      origin: serviceOrigin(request),
    };
    const disconnect = abortOnDisconnect(reply);
    const options: AskOptions = { history, signal: disconnect.signal, sampling: responseSampling(request.body) };
    try {
      if (request.body.stream) {
        await streamResponse(request, reply, app.metrics.countAnswers(qa.askStream(question, options)), meta, disconnect.signal);
        return reply;
      }
      const response = await qa.ask(question, options);
      app.metrics.countAnswer(response);
      return responseObject(meta, response);
    } finally {
      disconnect.dispose();
    }
  });
}
