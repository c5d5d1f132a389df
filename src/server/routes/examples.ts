import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import type { ExampleQuestion } from '../../qa/example-questions.ts';
import { examplesSchema } from '../schemas/examples.ts';

export interface ExamplesRouteOptions {
  /** The loaded index's example questions; undefined while it loads. */
  examples?: () => ExampleQuestion[] | undefined;
}

/** GET /v1/examples: questions made from the documents, for the chat page's empty state. */
export default async function examplesRoute(app: FastifyInstance, options: ExamplesRouteOptions) {
  app.get('/v1/examples', { schema: examplesSchema }, async () => {
    if (!app.isReady()) throw new AppError('NOT_READY');
    return { examples: options.examples?.() ?? [] };
  });
}
