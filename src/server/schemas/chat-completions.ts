/** The OpenAI-compatible routes: POST /v1/chat/completions and GET /v1/models. */
import { answerExtrasSchema, citationSchema } from './ask.ts';
import { errorResponses } from './error.ts';

/** The one model this service offers; requests may name any model, and are answered the same way. */
export const MODEL_ID = 'zhida-rag';
export const MESSAGES_MAX = 200;
export const MESSAGE_MAX_CHARS = 32_000;
export const CONTENT_PARTS_MAX = 100;

/** A content part as the openai SDK, LangChain content blocks and chat front-ends send it; only text is read. */
export interface ContentPart {
  type: string;
  text?: string;
}

export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant';
  content: string | ContentPart[];
}

export interface ChatCompletionBody {
  model?: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
  temperature?: number | null;
  top_p?: number | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  stop?: string | string[] | null;
  user?: string;
}

const ignored = (type: string | readonly string[], what: string) => ({ type, description: `${what}. Accepted for compatibility and ignored` });
const OFFLINE = 'Passed to the model when an LLM is configured; no effect offline, where answers quote the documents';
const sampled = (type: string | readonly string[], what: string, bounds: Record<string, number> = {}) => ({ type, ...bounds, description: `${what}. ${OFFLINE}` });

/** Message content: a string, or content parts whose text parts are read (other types are refused with a 400). */
export function contentSchema(textTypes: string) {
  return {
    description: `The text of the message: a string, or an array of content parts \`{ "type": ${textTypes}, "text": … }\` (other part types are refused)`,
    anyOf: [
      {
        type: 'array',
        maxItems: CONTENT_PARTS_MAX,
        items: {
          type: 'object',
          required: ['type'],
          additionalProperties: true,
          properties: {
            type: { type: 'string', description: `Part type; ${textTypes} carry text` },
            text: { type: 'string', maxLength: MESSAGE_MAX_CHARS, description: 'The text of a text part' },
          },
        },
      },
      { type: 'string', maxLength: MESSAGE_MAX_CHARS },
    ],
  } as const;
}

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
          content: contentSchema('"text"'),
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
    temperature: sampled(['number', 'null'], 'Sampling temperature', { minimum: 0, maximum: 2 }),
    top_p: sampled(['number', 'null'], 'Nucleus sampling', { minimum: 0, maximum: 1 }),
    n: ignored(['integer', 'null'], 'Number of choices (always one)'),
    max_tokens: sampled(['integer', 'null'], 'Token limit of the answer', { minimum: 1 }),
    max_completion_tokens: sampled(['integer', 'null'], 'Token limit of the answer (wins over max_tokens)', { minimum: 1 }),
    presence_penalty: ignored(['number', 'null'], 'Presence penalty'),
    frequency_penalty: ignored(['number', 'null'], 'Frequency penalty'),
    stop: {
      description: `Stop sequences (up to 4). ${OFFLINE}`,
      anyOf: [{ type: 'string' }, { type: 'array', maxItems: 4, items: { type: 'string' } }, { type: 'null' }],
    },
    seed: ignored(['integer', 'null'], 'Sampling seed'),
    user: sampled('string', 'End-user id, for the provider’s abuse monitoring'),
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

const urlCitationSchema = {
  type: 'object',
  description: 'Where one [n] marker points',
  required: ['url', 'title', 'start_index', 'end_index'],
  properties: {
    url: { type: 'string', description: 'The cited span in its document: `GET /v1/context?source&start&end` of this service' },
    title: { type: 'string', description: 'The document and its heading path, joined by " › "' },
    start_index: { type: 'integer', description: 'Where the marker starts in the answer text' },
    end_index: { type: 'integer', description: 'Where the marker ends in the answer text' },
  },
} as const;

/** OpenAI's message annotations: LangChain and other OpenAI clients read these. */
export const annotationsSchema = {
  type: 'array',
  description: 'The [n] markers as OpenAI `url_citation` annotations, one per marker, in text order',
  items: {
    type: 'object',
    description: 'One marker',
    required: ['type', 'url_citation'],
    properties: { type: { type: 'string', enum: ['url_citation'], description: 'Always "url_citation"' }, url_citation: urlCitationSchema },
  },
} as const;

/** What the product adds to the OpenAI objects, from its own answer. */
const answerFields = {
  ...answerExtrasSchema,
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
              annotations: annotationsSchema,
              ...answerExtrasSchema,
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
    'A chat.completion.chunk: the first has delta.role, then delta.content pieces; the last has finish_reason "stop", the citations (on the chunk and its delta) and the annotations (on its delta)',
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
              annotations: annotationsSchema,
              ...answerExtrasSchema,
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
    'and on the message; on the last chunk when streaming), and each marker is an OpenAI `url_citation` annotation on the message.',
    'Message content may be a string or text parts. temperature, top_p, max_tokens, max_completion_tokens, stop and user reach',
    'the model when an LLM is configured and have no effect offline. Errors keep this service’s `{ error: { code, message } }` shape,',
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
