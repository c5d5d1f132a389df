import { errorResponseSchema } from './error.ts';

export interface SearchBody {
  query: string;
  k?: number;
}

export const searchBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['query'],
  properties: {
    query: { type: 'string', minLength: 1, maxLength: 2000 },
    k: { type: 'integer', minimum: 1, maximum: 50 },
  },
} as const;

export const searchResultSchema = {
  type: 'object',
  required: ['id', 'text', 'source', 'section', 'start', 'end', 'score', 'debug'],
  properties: {
    id: { type: 'string' },
    text: { type: 'string' },
    source: { type: 'string' },
    section: { type: 'array', items: { type: 'string' } },
    start: { type: 'integer' },
    end: { type: 'integer' },
    score: { type: 'number' },
    debug: {
      type: 'object',
      required: ['bm25Rank', 'vectorRank', 'matchedTerms'],
      properties: {
        bm25Rank: { type: ['integer', 'null'] },
        vectorRank: { type: ['integer', 'null'] },
        matchedTerms: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

export const searchSchema = {
  body: searchBodySchema,
  response: {
    200: {
      type: 'object',
      required: ['results'],
      properties: { results: { type: 'array', items: searchResultSchema } },
    },
    400: errorResponseSchema,
    413: errorResponseSchema,
    415: errorResponseSchema,
    500: errorResponseSchema,
    503: errorResponseSchema,
  },
} as const;
