/** POST /v1/responses: OpenAI's Responses API, which LangChain's ChatOpenAI uses with `useResponsesApi: true`. */
import { errorResponses } from './error.ts';
import { contentSchema, MESSAGE_MAX_CHARS, MESSAGES_MAX, MODEL_ID } from './chat-completions.ts';
import { answerExtrasSchema, citationSchema } from './ask.ts';

export interface ResponseInputPart {
  type: string;
  text?: string;
}

export interface ResponseInputItem {
  type?: string;
  role?: 'system' | 'developer' | 'user' | 'assistant';
  content?: string | ResponseInputPart[];
}

export interface ResponsesBody {
  model?: string;
  input: string | ResponseInputItem[];
  stream?: boolean | null;
  temperature?: number | null;
  top_p?: number | null;
  max_output_tokens?: number | null;
  user?: string;
}

const OFFLINE = 'Passed to the model when an LLM is configured; no effect offline, where answers quote the documents';

const inputItemSchema = {
  type: 'object',
  description: 'A message of the conversation (`{ role, content }`, optionally `type: "message"`); other item types are refused',
  additionalProperties: true,
  properties: {
    type: { type: 'string', description: 'Only "message" is accepted' },
    role: { type: 'string', enum: ['system', 'developer', 'user', 'assistant'], description: 'Who speaks' },
    content: contentSchema('"input_text" or "output_text"'),
  },
} as const;

export const responsesBodySchema = {
  type: 'object',
  description: 'An OpenAI Responses API request. Fields not listed are accepted and ignored; nothing is stored, so send the whole conversation as `input`',
  required: ['input'],
  additionalProperties: true,
  properties: {
    model: { type: 'string', description: `Any model name; echoed in the response (the service answers as "${MODEL_ID}")` },
    input: {
      description: 'The question as a string, or the conversation as messages: the last user message is the question, earlier user and assistant messages the history',
      anyOf: [{ type: 'array', minItems: 1, maxItems: MESSAGES_MAX, items: inputItemSchema }, { type: 'string', maxLength: MESSAGE_MAX_CHARS }],
    },
    instructions: { type: ['string', 'null'], description: 'System instructions. Ignored: answers come from the documents' },
    stream: { type: ['boolean', 'null'], description: 'Stream Responses API events (response.created … response.output_text.delta … response.completed)' },
    temperature: { type: ['number', 'null'], minimum: 0, maximum: 2, description: `Sampling temperature. ${OFFLINE}` },
    top_p: { type: ['number', 'null'], minimum: 0, maximum: 1, description: `Nucleus sampling. ${OFFLINE}` },
    max_output_tokens: { type: ['integer', 'null'], minimum: 1, description: `Token limit of the answer. ${OFFLINE}` },
    user: { type: 'string', description: `End-user id. ${OFFLINE}` },
  },
} as const;

const annotationSchema = {
  type: 'object',
  description: 'One [n] marker as an OpenAI url_citation',
  required: ['type', 'url', 'title', 'start_index', 'end_index'],
  properties: {
    type: { type: 'string', enum: ['url_citation'], description: 'Always "url_citation"' },
    url: { type: 'string', description: 'The cited span: `GET /v1/context?source&start&end` of this service' },
    title: { type: 'string', description: 'The document and its heading path, joined by " › "' },
    start_index: { type: 'integer', description: 'Where the marker starts in the text' },
    end_index: { type: 'integer', description: 'Where the marker ends in the text' },
  },
} as const;

const citationsSchema = { type: 'array', items: citationSchema, description: 'The passages the [n] markers of the answer name' } as const;

export const outputMessageSchema = {
  type: 'object',
  description: 'The assistant message holding the cited answer',
  required: ['type', 'id', 'status', 'role', 'content'],
  properties: {
    type: { type: 'string', enum: ['message'], description: 'Always "message"' },
    id: { type: 'string', description: 'Message id (`msg_…`)' },
    status: { type: 'string', enum: ['in_progress', 'completed'], description: 'Whether the message is complete' },
    role: { type: 'string', enum: ['assistant'], description: 'Always "assistant"' },
    content: {
      type: 'array',
      description: 'One output_text part',
      items: {
        type: 'object',
        description: 'The answer text and its annotations',
        required: ['type', 'text', 'annotations'],
        properties: {
          type: { type: 'string', enum: ['output_text'], description: 'Always "output_text"' },
          text: { type: 'string', description: 'The answer with [n] markers' },
          annotations: { type: 'array', items: annotationSchema, description: 'One url_citation per marker' },
        },
      },
    },
    citations: citationsSchema,
  },
} as const;

export const responseObjectSchema = {
  type: 'object',
  description: 'A Responses API response whose one output message is the cited answer',
  required: ['id', 'object', 'created_at', 'status', 'model', 'output', 'error', 'incomplete_details'],
  properties: {
    id: { type: 'string', description: 'Response id (`resp_…`)' },
    object: { type: 'string', enum: ['response'], description: 'Always "response"' },
    created_at: { type: 'integer', description: 'Unix time in seconds' },
    status: { type: 'string', enum: ['in_progress', 'completed'], description: 'Whether the response is complete' },
    model: { type: 'string', description: `The model named in the request, or "${MODEL_ID}"` },
    output: { type: 'array', items: outputMessageSchema, description: 'The answer message (empty until it starts when streaming)' },
    error: { type: 'null', description: 'Always null (failures are HTTP errors, or an `error` event when streaming)' },
    incomplete_details: { type: 'null', description: 'Always null' },
    usage: {
      type: 'object',
      description: 'Rough token counts (one per CJK character, one per four other characters)',
      required: ['input_tokens', 'output_tokens', 'total_tokens'],
      properties: {
        input_tokens: { type: 'integer', description: 'Estimated tokens of the input' },
        output_tokens: { type: 'integer', description: 'Estimated tokens of the answer' },
        total_tokens: { type: 'integer', description: 'Their sum' },
      },
    },
    citations: citationsSchema,
    answer_status: { type: 'string', enum: ['answered', 'no_answer'], description: '`no_answer` when the documents do not answer the question' },
    question: { type: 'string', description: 'The standalone question that was searched' },
    ...answerExtrasSchema,
  },
} as const;

export const responsesSchema = {
  summary: 'Response (OpenAI Responses API)',
  description: [
    'Answers the last user message from the indexed documents in the format of OpenAI’s Responses API, whose message',
    'annotations LangChain’s ChatOpenAI (`useResponsesApi: true`) and the openai SDK turn into structured citations: each [n]',
    'marker is a url_citation annotation, and the passages are in `citations` (on the response and its message). Nothing is',
    'stored: send the whole conversation in `input`. Errors keep this service’s `{ error: { code, message } }` shape.',
  ].join(' '),
  tags: ['OpenAI compatible'],
  body: responsesBodySchema,
  response: {
    200: {
      description: 'The response (JSON), or its events as Server-Sent Events with `stream: true`',
      content: {
        'application/json': { schema: responseObjectSchema },
        'text/event-stream': { schema: { type: 'string', description: '`event: <type>` / `data: <event JSON>` pairs, ending with response.completed' } },
      },
    },
    ...errorResponses(400, 413, 415, 500, 503),
  },
} as const;
