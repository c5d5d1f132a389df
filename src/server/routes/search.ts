import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import type { SearchResult } from '../../types.ts';
import { searchSchema, type SearchBody } from '../schemas/search.ts';

/**
 * The serialized body of each result list: the retriever hands back the same (cached, immutable) list for
 * a repeated query, so its JSON is built and encoded to UTF-8 once. Weak keys: it lives exactly as long as
 * the retriever's cache entry.
 */
const serialized = new WeakMap<readonly SearchResult[], Buffer>();

/** POST /v1/search: the retrieved passages alone, for inspecting retrieval. */
export default async function searchRoute(app: FastifyInstance) {
  app.post<{ Body: SearchBody }>('/v1/search', { schema: searchSchema }, async (request, reply) => {
    const query = request.body.query.trim();
    if (query === '') throw new AppError('INVALID_REQUEST', 'body/query must contain more than whitespace');
    const results = await request.qa().search(query, request.body.k ?? app.config.RETRIEVAL_K);
    let body = serialized.get(results);
    if (body === undefined) serialized.set(results, (body = Buffer.from(String(reply.serialize({ results })))));
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
