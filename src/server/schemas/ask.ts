import { passageFields } from './passage-fields.ts';
import type { ChatTurn } from '../../types.ts';
import { errorResponses } from './error.ts';

/** Limits on the trimmed question; checked in the route so each gets its own error code. */
export const QUESTION_MAX_CHARS = 2000;
/** Earlier turns only help to read a follow-up; this many, this long, is plenty. */
export const HISTORY_MAX_TURNS = 20;
export const HISTORY_TURN_MAX_CHARS = 4000;

export interface AskBody {
  question: string;
  k?: number;
  stream?: boolean;
  debug?: boolean;
  history?: ChatTurn[];
}

export const chatTurnSchema = {
  type: 'object',
  description: 'One earlier turn of the conversation',
  additionalProperties: false,
  required: ['role', 'content'],
  properties: {
    role: { type: 'string', enum: ['user', 'assistant'], description: 'Who said it' },
    content: { type: 'string', maxLength: HISTORY_TURN_MAX_CHARS, description: `What was said (at most ${HISTORY_TURN_MAX_CHARS} characters)` },
  },
} as const;

export const askBodySchema = {
  type: 'object',
  description: 'A question about the indexed documents',
  additionalProperties: false,
  required: ['question'],
  properties: {
    // Length is checked after trimming (EMPTY_QUESTION / QUESTION_TOO_LONG), not here.
    question: { type: 'string', description: `The question, 1–${QUESTION_MAX_CHARS} characters after trimming` },
    k: { type: 'integer', minimum: 1, maximum: 20, description: 'How many passages to retrieve (default RETRIEVAL_K)' },
    stream: { type: 'boolean', description: 'Answer as Server-Sent Events (citations, delta…, done) instead of one JSON object' },
    debug: { type: 'boolean', description: 'Include the free-form `debug` object (retrieval ranks, timings…)' },
    history: {
      type: 'array',
      maxItems: HISTORY_MAX_TURNS,
      description:
        'Earlier turns, oldest first. A follow-up (“那贵州呢？”, “它的目标是多少？”) is rewritten into a standalone question, returned as `question`',
      items: chatTurnSchema,
    },
  },
} as const;

export const citationSchema = {
  type: 'object',
  description: 'A passage the answer cites as [n]',
  required: ['n', 'id', 'text', 'source', 'section', 'start', 'end', 'score'],
  properties: {
    n: { type: 'integer', description: 'The number of its [n] markers in the answer' },
    ...passageFields,
    score: { type: 'number', description: 'Retrieval score (higher is closer)' },
  },
} as const;

/** The answer's fallback mark, confidence and short answer phrase, present when the answerer provides them. */
export const answerExtrasSchema = {
  fallback: {
    type: 'string',
    enum: ['llm_unavailable'],
    description: 'Present when the LLM failed (error status, timeout, malformed reply) and the offline answerer answered instead',
  },
  confidence: {
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: 'Calibrated probability that the documents answer the question; `answered` at or above ANSWER_MIN_CONFIDENCE, shown as uncertain below 0.5',
  },
  short: {
    type: 'object',
    required: ['text', 'citation', 'start', 'end'],
    description: 'For questions asking for a number, date, time, place, person or name: the answer phrase, inside citation `citation`\'s span',
    properties: {
      text: { type: 'string', description: 'The phrase, e.g. “八十六岁”' },
      citation: { type: 'integer', minimum: 1, description: 'The `n` of the citation that holds it' },
      start: { type: 'integer', minimum: 0, description: 'Offset of its first character in the source document' },
      end: { type: 'integer', minimum: 0, description: 'Offset just past its last character' },
    },
  },
} as const;

/** Every field is listed: the serializer drops unlisted ones. `debug` is a free-form object. */
export const askResponseSchema = {
  type: 'object',
  description: 'A cited answer',
  required: ['status', 'answer', 'mode', 'citations', 'question'],
  properties: {
    status: { type: 'string', enum: ['answered', 'no_answer'], description: '`no_answer` when the documents do not answer the question' },
    answer: { type: 'string', description: 'The answer, with [n] markers naming its citations; for no_answer, a note pointing at the closest passages' },
    mode: { type: 'string', enum: ['extractive', 'llm'], description: 'Sentences picked from the passages, or written by the LLM and verified against them' },
    citations: { type: 'array', items: citationSchema, description: 'The cited passages, numbered as in the answer' },
    question: { type: 'string', description: 'The standalone question that was searched (differs from the input for follow-ups)' },
    ...answerExtrasSchema,
    debug: { type: 'object', additionalProperties: true, description: 'Diagnostics, only with `debug: true`' },
  },
} as const;

/** Data of the `citations` server-sent event. */
export const citationsEventSchema = {
  type: 'object',
  required: ['citations'],
  properties: { citations: { type: 'array', items: citationSchema, description: 'The passages the deltas number their markers by' } },
} as const;

/** Data of the `delta` server-sent event. */
export const deltaEventSchema = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string', description: 'The next piece of the answer' } },
} as const;

export const askSchema = {
  summary: 'Ask a question',
  description: [
    'Answers a question from the indexed documents with [n] citation markers and the cited passages.',
    'With `stream: true` the reply is `text/event-stream`: a `citations` event, `delta` events with pieces of the answer,',
    'then `done` with the whole response (clients replace the streamed text with it); a failure after the stream has',
    'started arrives as an `error` event with the error body. A second `citations` event means the answer starts over.',
  ].join(' '),
  tags: ['Questions'],
  body: askBodySchema,
  response: {
    200: {
      description: 'The answer (JSON), or its Server-Sent Events with `stream: true`',
      content: {
        'application/json': { schema: askResponseSchema },
        'text/event-stream': {
          schema: { type: 'string', description: 'event: citations | delta | done | error, each with one `data:` line of JSON' },
        },
      },
    },
    ...errorResponses(400, 413, 415, 500, 503),
  },
} as const;
