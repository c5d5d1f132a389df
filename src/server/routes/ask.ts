import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import type { AskOptions } from '../../types.ts';
import { publicResponse, streamAnswer } from '../answer-stream.ts';
import { abortOnDisconnect } from '../client-disconnect.ts';
import { askSchema, QUESTION_MAX_CHARS, type AskBody } from '../schemas/ask.ts';

/** The trimmed question, or the error that says what is wrong with it. Length counts characters, not UTF-16 units. */
export function checkedQuestion(raw: string): string {
  const question = raw.trim();
  if (question === '') throw new AppError('EMPTY_QUESTION');
  if ([...question].length > QUESTION_MAX_CHARS) throw new AppError('QUESTION_TOO_LONG');
  return question;
}

/** POST /v1/ask: a cited answer as JSON, or as Server-Sent Events with `stream: true`. */
export default async function askRoute(app: FastifyInstance) {
  app.post<{ Body: AskBody }>('/v1/ask', { schema: askSchema }, async (request, reply) => {
    const { k, stream, debug = false, history } = request.body;
    const question = checkedQuestion(request.body.question);
    const qa = request.qa();
    const disconnect = abortOnDisconnect(reply);
    const options: AskOptions = { k, debug, history, signal: disconnect.signal };
    try {
      if (stream) {
        const events = app.metrics.countAnswers(qa.askStream(question, options));
        await streamAnswer(request, reply, events, { signal: disconnect.signal, debugAsked: debug });
        return reply;
      }
      const response = await qa.ask(question, options);
      app.metrics.countAnswer(response);
      return publicResponse(response, debug);
    } finally {
      disconnect.dispose();
    }
  });
}
