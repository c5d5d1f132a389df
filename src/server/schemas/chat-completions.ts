/** The OpenAI-compatible routes: POST /v1/chat/completions and GET /v1/models. */
import { citationSchema } from './ask.ts';
import { errorResponses } from './error.ts';

/** The one model this service offers; requests may name any model, and are answered the same way. */
export const MODEL_ID = 'zhida-rag';
export const MESSAGES_MAX = 200;
export const MESSAGE_MAX_CHARS = 32_000;

export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant';
  content: string;
}

export interface ChatCompletionBody {
  model?: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
}

const ignored = (type: string | readonly string[], what: string) => ({ type, description: `${what}. Accepted for compatibility and ignored` });

export const chatCompletionBodySchema = {
  type: 'object',
  description: 'An OpenAI chat completion request. Fields not listed here are accepted and ignored, as real clients send many.',
  required: ['messages'],
  additionalProperties: true,
  properties: {
    model: { type: 'string', description: `Any model name; echoed in the response (the service answers as "${MODEL_ID}")` },
    messages: {
      type: 'array',
      minItems: 1,
      maxItems: MESSAGES_MAX,
      description:
        'The conversation. The last user message is the question; earlier user and assistant messages are the history used to read a follow-up; system and developer messages are ignored',
      items: {
        type: 'object',
        description: 'One message',
        required: ['role', 'content'],
        additionalProperties: true,
        properties: {
          role: { type: 'string', enum: ['system', 'developer', 'user', 'assistant'], description: 'Who speaks' },
          content: { type: 'string', maxLength: MESSAGE_MAX_CHARS, description: 'The text of the message' },
          name: { type: 'string', description: 'A participant name. Ignored' },
        },
      },
    },
    stream: { type: ['boolean', 'null'], description: 'Stream the answer as chat.completion.chunk Server-Sent Events, ending with `data: [DONE]`' },
    stream_options: {
      type: ['object', 'null'],
      description: 'Streaming options',
      additionalProperties: true,
      properties: { include_usage: { type: 'boolean', description: 'Send a last chunk with `usage` and no choices before [DONE]' } },
    },
    temperature: ignored(['number', 'null'], 'Sampling temperature'),
    top_p: ignored(['number', 'null'], 'Nucleus sampling'),
    n: ignored(['integer', 'null'], 'Number of choices (always one)'),
    max_tokens: ignored(['integer', 'null'], 'Token limit of the answer'),
    max_completion_tokens: ignored(['integer', 'null'], 'Token limit of the answer'),
    presence_penalty: ignored(['number', 'null'], 'Presence penalty'),
    frequency_penalty: ignored(['number', 'null'], 'Frequency penalty'),
    stop: {
      description: 'Stop sequences. Accepted for compatibility and ignored',
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'null' }],
    },
    seed: ignored(['integer', 'null'], 'Sampling seed'),
    user: ignored('string', 'End-user id'),
  },
} as const;

const usageSchema = {
  type: 'object',
  description: 'Rough token counts (one per CJK character, one per four other characters), for clients that expect them',
  required: ['prompt_tokens', 'completion_tokens', 'total_tokens'],
  properties: {
    prompt_tokens: { type: 'integer', description: 'Estimated tokens of all messages' },
    completion_tokens: { type: 'integer', description: 'Estimated tokens of the answer' },
    total_tokens: { type: 'integer', description: 'Their sum' },
  },
} as const;

const citationsSchema = { type: 'array', items: citationSchema, description: 'The passages the [n] markers of the answer name' } as const;

/** What the product adds to the OpenAI objects, from its own answer. */
const answerFields = {
  citations: citationsSchema,
  status: { type: 'string', enum: ['answered', 'no_answer'], description: '`no_answer` when the documents do not answer the question' },
  question: { type: 'string', description: 'The standalone question that was searched (differs from the last user message for follow-ups)' },
} as const;

const completionMeta = {
  id: { type: 'string', description: 'Completion id (`chatcmpl-…`), the same on every chunk of a stream' },
  created: { type: 'integer', description: 'Unix time in seconds' },
  model: { type: 'string', description: `The model named in the request, or "${MODEL_ID}"` },
} as const;

export const chatCompletionSchema = {
  type: 'object',
  description: 'A chat.completion object whose message is the cited answer',
  required: ['id', 'object', 'created', 'model', 'choices', 'usage', 'citations', 'status', 'question'],
  properties: {
    ...completionMeta,
    object: { type: 'string', enum: ['chat.completion'], description: 'Always "chat.completion"' },
    choices: {
      type: 'array',
      description: 'Exactly one choice',
      items: {
        type: 'object',
        description: 'The answer',
        required: ['index', 'message', 'finish_reason', 'logprobs'],
        properties: {
          index: { type: 'integer', description: 'Always 0' },
          message: {
            type: 'object',
            description: 'The assistant message',
            required: ['role', 'content', 'citations'],
            properties: {
              role: { type: 'string', enum: ['assistant'], description: 'Always "assistant"' },
              content: { type: 'string', description: 'The answer with [n] citation markers' },
              citations: citationsSchema,
            },
          },
          finish_reason: { type: 'string', enum: ['stop'], description: 'Always "stop"' },
          logprobs: { type: 'null', description: 'Always null' },
        },
      },
    },
    usage: usageSchema,
    ...answerFields,
  },
} as const;

/** One `data:` event of a streamed completion. */
export const chatCompletionChunkSchema = {
  type: 'object',
  description:
    'A chat.completion.chunk: the first has delta.role, then delta.content pieces; the last has finish_reason "stop" and the citations (on the chunk and its delta)',
  required: ['id', 'object', 'created', 'model', 'choices'],
  properties: {
    ...completionMeta,
    object: { type: 'string', enum: ['chat.completion.chunk'], description: 'Always "chat.completion.chunk"' },
    choices: {
      type: 'array',
      description: 'One choice; empty in the usage chunk',
      items: {
        type: 'object',
        description: 'The next piece of the answer',
        required: ['index', 'delta', 'finish_reason', 'logprobs'],
        properties: {
          index: { type: 'integer', description: 'Always 0' },
          delta: {
            type: 'object',
            description: 'What this chunk adds',
            properties: {
              role: { type: 'string', enum: ['assistant'], description: 'First chunk only' },
              content: { type: 'string', description: 'The next piece of the answer' },
              citations: citationsSchema,
            },
          },
          finish_reason: { type: ['string', 'null'], enum: ['stop', null], description: '"stop" on the last chunk, else null' },
          logprobs: { type: 'null', description: 'Always null' },
        },
      },
    },
    usage: usageSchema,
    ...answerFields,
  },
} as const;

export const chatCompletionsSchema = {
  summary: 'Chat completion (OpenAI compatible)',
  description: [
    'Answers the last user message from the indexed documents, in the OpenAI chat completions format, so OpenAI clients',
    '(baseURL `<server>/v1`) work unchanged. The answer carries [n] markers; the cited passages are in `citations` (top level',
    'and on the message; on the last chunk when streaming). Errors keep this service’s `{ error: { code, message } }` shape,',
    'which OpenAI clients read as an API error; a failure during a stream arrives as one `data: { "error": … }` event.',
  ].join(' '),
  tags: ['OpenAI compatible'],
  body: chatCompletionBodySchema,
  response: {
    200: {
      description: 'The completion (JSON), or its chunks as Server-Sent Events with `stream: true`',
      content: {
        'application/json': { schema: chatCompletionSchema },
        'text/event-stream': { schema: { type: 'string', description: '`data: <chat.completion.chunk JSON>` events, then `data: [DONE]`' } },
      },
    },
    ...errorResponses(400, 413, 415, 500, 503),
  },
} as const;

export const modelsSchema = {
  summary: 'List models (OpenAI compatible)',
  description: `The one model this service offers, "${MODEL_ID}". Chat completions accept any model name.`,
  tags: ['OpenAI compatible'],
  response: {
    200: {
      type: 'object',
      description: 'An OpenAI model list',
      required: ['object', 'data'],
      properties: {
        object: { type: 'string', enum: ['list'], description: 'Always "list"' },
        data: {
          type: 'array',
          description: 'The models',
          items: {
            type: 'object',
            description: 'A model',
            required: ['id', 'object', 'created', 'owned_by'],
            properties: {
              id: { type: 'string', description: 'Model id' },
              object: { type: 'string', enum: ['model'], description: 'Always "model"' },
              created: { type: 'integer', description: 'Unix time in seconds when the server started' },
              owned_by: { type: 'string', description: 'Who serves it' },
            },
          },
        },
      },
    },
  },
} as const;
