import { errorResponseSchema } from './error.ts';
import { pageFields } from './passage-fields.ts';

/** Most characters of context either side of the span, and the default. */
export const CONTEXT_WINDOW_MAX = 400;
export const CONTEXT_WINDOW_DEFAULT = 160;
/** Longest span one request may ask for (chunks are at most 5,000 characters). */
export const CONTEXT_SPAN_MAX = 10_000;

export interface ContextQuery {
  source: string;
  start: number;
  end: number;
  window?: number;
}

export const contextQuerySchema = {
  type: 'object',
  description: 'Which span of which document',
  additionalProperties: false,
  required: ['source', 'start', 'end'],
  properties: {
    source: { type: 'string', minLength: 1, maxLength: 1000, description: 'Document path as cited (`citation.source`)' },
    start: { type: 'integer', minimum: 0, description: 'Offset of the span in the original (`citation.start`)' },
    end: { type: 'integer', minimum: 0, description: 'Offset just past the span (`citation.end`)' },
    window: { type: 'integer', minimum: 0, maximum: CONTEXT_WINDOW_MAX, description: `Characters of context either side (default ${CONTEXT_WINDOW_DEFAULT})` },
  },
} as const;

export const contextResponseSchema = {
  type: 'object',
  description: 'A cited span and the text around it, for showing the citation in place',
  required: ['source', 'before', 'text', 'after'],
  properties: {
    source: { type: 'string', description: 'Document path relative to SEEDS_DIR' },
    before: { type: 'string', description: 'Up to `window` characters before the span' },
    text: { type: 'string', description: 'The span itself: original.slice(start, end)' },
    after: { type: 'string', description: 'Up to `window` characters after the span' },
    ...pageFields,
  },
} as const;

export const contextSchema = {
  summary: 'A cited span in its surrounding text',
  description: 'Reads the original document and returns the span `start…end` with up to `window` characters either side. 404 when the source is unknown or the offsets fall outside it.',
  tags: ['Questions'],
  querystring: contextQuerySchema,
  response: {
    200: contextResponseSchema,
    400: errorResponseSchema,
    404: errorResponseSchema,
    500: errorResponseSchema,
    503: errorResponseSchema,
  },
} as const;
