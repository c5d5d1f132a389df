import { errorResponseSchema } from './error.ts';

export const healthzSchema = {
  response: {
    200: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ok'] } },
    },
  },
} as const;

export const readyzSchema = {
  response: {
    200: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ready'] } },
    },
    503: errorResponseSchema,
  },
} as const;
