import { errorResponses } from './error.ts';

export const healthzSchema = {
  summary: 'Liveness probe',
  description: 'Answers 200 as long as the process serves HTTP, also while the index is loading.',
  tags: ['Operations'],
  response: {
    200: {
      type: 'object',
      description: 'The process is alive',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ok'], description: 'Always "ok"' } },
    },
  },
} as const;

export const readyzSchema = {
  summary: 'Readiness probe',
  description: 'Answers 200 once the index is loaded and questions are taken; 503 NOT_READY until then.',
  tags: ['Operations'],
  response: {
    200: {
      type: 'object',
      description: 'Questions are taken',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ready'], description: 'Always "ready"' } },
    },
    ...errorResponses(503),
  },
} as const;
