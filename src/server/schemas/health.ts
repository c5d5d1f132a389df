import { errorResponses } from './error.ts';
import { ingestProgressSchema } from './ingest-progress.ts';

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
  description: 'Answers 200 once an index is loaded and questions are taken (also while a newer index is built in the background); 503 NOT_READY until then.',
  tags: ['Operations'],
  response: {
    200: {
      type: 'object',
      description: 'Questions are taken',
      required: ['status'],
      properties: {
        status: { type: 'string', enum: ['ready'], description: 'Always "ready"' },
        index: {
          type: 'object',
          description: 'The served index version and its background refresh (the service keeps answering from the served version while it refreshes)',
          required: ['version', 'refreshing', 'state', 'reason', 'progress', 'lastError', 'draining'],
          properties: {
            version: { type: ['string', 'null'], description: 'The served version folder' },
            refreshing: { type: 'boolean', description: 'True while a new version is being built or loaded' },
            state: { type: 'string', enum: ['idle', 'checking', 'ingesting', 'waiting_for_other_ingest', 'loading'], description: 'What the refresh is doing' },
            reason: { type: ['string', 'null'], description: 'Why the refresh runs' },
            progress: { ...ingestProgressSchema, type: ['object', 'null'], description: 'Ingest progress, while ingesting' },
            lastError: { type: ['string', 'null'], description: 'The last version or refresh that failed (e.g. a damaged index), while the previous version is served' },
            draining: { type: 'integer', description: 'Replaced versions still finishing their requests' },
          },
        },
      },
    },
    ...errorResponses(503),
  },
} as const;
