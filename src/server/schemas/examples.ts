import { errorResponses } from './error.ts';

export const examplesSchema = {
  summary: 'Example questions',
  description: 'A few questions made from the indexed documents’ headings, for a chat page’s empty state (empty when no heading names a list).',
  tags: ['Questions'],
  response: {
    200: {
      type: 'object',
      description: 'The example questions',
      required: ['examples'],
      properties: {
        examples: {
          type: 'array',
          description: 'At most four, from different documents first',
          items: {
            type: 'object',
            description: 'One example',
            required: ['question', 'source'],
            properties: {
              question: { type: 'string', description: 'The question' },
              source: { type: 'string', description: 'The document whose heading it was made from' },
            },
          },
        },
      },
    },
    ...errorResponses(500, 503),
  },
} as const;
