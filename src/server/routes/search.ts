import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { searchSchema, type SearchBody } from '../schemas/search.ts';

/** POST /v1/search: the retrieved passages alone, for inspecting retrieval. */
export default async function searchRoute(app: FastifyInstance) {
  app.post<{ Body: SearchBody }>('/v1/search', { schema: searchSchema }, async (request) => {
    const query = request.body.query.trim();
    if (query === '') throw new AppError('INVALID_REQUEST', 'body/query must contain more than whitespace');
    const results = await app.qa().search(query, request.body.k ?? app.config.RETRIEVAL_K);
    return { results };
  });
}
