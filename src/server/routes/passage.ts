import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { CONTEXT_SPAN_MAX, CONTEXT_WINDOW_DEFAULT, contextSchema, type ContextQuery } from '../schemas/passage.ts';

const INTEGER_PARAMS = ['start', 'end', 'window'] as const;
const INTEGER_TEXT = /^-?\d{1,15}$/;

/**
 * Query strings arrive as text and the app's validator does not coerce types (bodies are taken as
 * sent), so the integer parameters are converted here; anything else is left for the schema to reject.
 */
async function integersFromText(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown>;
  for (const name of INTEGER_PARAMS) {
    const value = query[name];
    if (typeof value === 'string' && INTEGER_TEXT.test(value)) query[name] = Number(value);
  }
}

/** A cited span in its surrounding text, read from the document's original, for showing where a citation comes from. */
export default async function passageRoute(app: FastifyInstance) {
  app.get<{ Querystring: ContextQuery }>('/v1/context', { schema: contextSchema, preValidation: integersFromText }, async (request) => {
    const { source, start, end, window = CONTEXT_WINDOW_DEFAULT } = request.query;
    if (end < start) throw new AppError('INVALID_REQUEST', 'querystring/end must be >= querystring/start');
    if (end - start > CONTEXT_SPAN_MAX) throw new AppError('INVALID_REQUEST', `querystring/end must be at most ${CONTEXT_SPAN_MAX} characters after querystring/start`);
    const qa = request.qa();
    const context = qa.context ? await qa.context(source, start, end, window) : null;
    if (!context) throw new AppError('NOT_FOUND', `No passage ${start}–${end} in "${source}": the document is not indexed or is shorter`);
    return context;
  });
}
