import type { ChatTurn } from '../../types.ts';
import { errorResponseSchema } from './error.ts';

/** Limits on the trimmed question; checked in the route so each gets its own error code. */
export const QUESTION_MAX_CHARS = 2000;

export interface AskBody {
  question: string;
  k?: number;
  stream?: boolean;
  debug?: boolean;
  history?: ChatTurn[];
}

export const askBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['question'],
  properties: {
    // Length is checked after trimming (EMPTY_QUESTION / QUESTION_TOO_LONG), not here.
    question: { type: 'string', description: `1–${QUESTION_MAX_CHARS} characters after trimming` },
    k: { type: 'integer', minimum: 1, maximum: 20 },
    stream: { type: 'boolean' },
    debug: { type: 'boolean' },
    history: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['role', 'content'],
        properties: {
          role: { type: 'string', enum: ['user', 'assistant'] },
          content: { type: 'string', maxLength: 4000 },
        },
      },
    },
  },
} as const;

export const citationSchema = {
  type: 'object',
  required: ['n', 'id', 'text', 'source', 'section', 'start', 'end', 'score'],
  properties: {
    n: { type: 'integer' },
    id: { type: 'string' },
    text: { type: 'string' },
    source: { type: 'string' },
    section: { type: 'array', items: { type: 'string' } },
    start: { type: 'integer' },
    end: { type: 'integer' },
    score: { type: 'number' },
  },
} as const;

/** Every field is listed: the serializer drops unlisted ones. `debug` is a free-form object. */
export const askResponseSchema = {
  type: 'object',
  required: ['status', 'answer', 'mode', 'citations', 'question'],
  properties: {
    status: { type: 'string', enum: ['answered', 'no_answer'] },
    answer: { type: 'string' },
    mode: { type: 'string', enum: ['extractive', 'llm'] },
    citations: { type: 'array', items: citationSchema },
    question: { type: 'string' },
    fallback: { type: 'string', enum: ['llm_unavailable'] },
    debug: { type: 'object', additionalProperties: true },
  },
} as const;

/** Data of the `citations` server-sent event. */
export const citationsEventSchema = {
  type: 'object',
  required: ['citations'],
  properties: { citations: { type: 'array', items: citationSchema } },
} as const;

/** Data of the `delta` server-sent event. */
export const deltaEventSchema = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string' } },
} as const;

export const askSchema = {
  body: askBodySchema,
  response: {
    // With `stream: true` the reply is text/event-stream (citations, delta…, done | error) and bypasses this schema.
    200: askResponseSchema,
    400: errorResponseSchema,
    413: errorResponseSchema,
    415: errorResponseSchema,
    500: errorResponseSchema,
    503: errorResponseSchema,
  },
} as const;
