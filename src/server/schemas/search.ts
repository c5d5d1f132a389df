import { errorResponses } from './error.ts';
import { passageFields } from './passage-fields.ts';

export interface SearchBody {
  query: string;
  k?: number;
}

export const searchBodySchema = {
  type: 'object',
  description: 'A search over the indexed passages',
  additionalProperties: false,
  required: ['query'],
  properties: {
    query: { type: 'string', minLength: 1, maxLength: 2000, description: 'What to search for (1–2000 characters, not only whitespace)' },
    k: { type: 'integer', minimum: 1, maximum: 50, description: 'How many passages to return (default RETRIEVAL_K)' },
  },
} as const;

export const searchResultSchema = {
  type: 'object',
  description: 'A retrieved passage',
  required: ['id', 'text', 'source', 'section', 'start', 'end', 'score', 'debug'],
  properties: {
    ...passageFields,
    score: { type: 'number', description: 'Fused retrieval score (higher is closer)' },
    debug: {
      type: 'object',
      description: 'How the passage was found',
      required: ['bm25Rank', 'vectorRank', 'matchedTerms'],
      properties: {
        bm25Rank: { type: ['integer', 'null'], description: 'Rank in the keyword (BM25) results, null when not among them' },
        vectorRank: { type: ['integer', 'null'], description: 'Rank in the vector results, null when not among them' },
        matchedTerms: { type: 'array', items: { type: 'string', description: 'A term' }, description: 'Query terms found in the passage' },
      },
    },
  },
} as const;

export const searchSchema = {
  summary: 'Search passages',
  description: 'Returns the passages hybrid retrieval (BM25 + vectors, fused) finds for a query, best first, without answering.',
  tags: ['Questions'],
  body: searchBodySchema,
  response: {
    200: {
      type: 'object',
      description: 'The passages found, best first',
      required: ['results'],
      properties: { results: { type: 'array', items: searchResultSchema, description: 'Best first; empty when nothing matches' } },
    },
    ...errorResponses([400, ['INVALID_REQUEST', 'INVALID_JSON']], 413, 415, 500, 503),
  },
} as const;
