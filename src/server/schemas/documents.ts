import { errorResponses } from './error.ts';

const progressSchema = {
  type: 'object',
  description: 'How far the running ingest is',
  properties: {
    phase: { type: 'string', enum: ['read', 'embed', 'write'], description: 'read: documents are read and chunked; embed: vectors; write: the index is published' },
    filesDone: { type: 'integer' },
    filesTotal: { type: 'integer' },
    bytesDone: { type: 'integer' },
    bytesTotal: { type: 'integer' },
    chunks: { type: 'integer' },
    embedded: { type: 'integer' },
  },
} as const;

export const ingestStatusSchema = {
  type: 'object',
  description: 'The ingest that brings the index up to date with the documents folder after a change',
  required: ['state', 'queued'],
  properties: {
    state: { type: 'string', enum: ['idle', 'running'] },
    queued: { type: 'boolean', description: 'Another run follows the current one (changes arrived while it ran)' },
    progress: progressSchema,
    last: {
      type: 'object',
      description: 'The last finished run',
      properties: {
        finishedAt: { type: 'string', format: 'date-time' },
        seconds: { type: 'number' },
        added: { type: 'array', items: { type: 'string' } },
        changed: { type: 'array', items: { type: 'string' } },
        removed: { type: 'array', items: { type: 'string' } },
        skipped: { type: 'integer' },
        error: { type: 'string', description: 'Why the run failed (the previous index kept serving)' },
      },
    },
  },
} as const;

const documentSchema = {
  type: 'object',
  description: 'A file in the documents folder',
  required: ['source', 'type', 'bytes', 'status'],
  properties: {
    source: { type: 'string', description: 'Path relative to SEEDS_DIR, as citations name it' },
    type: { type: 'string', description: 'txt, md, html, pdf, docx, or the extension of a file that is not read' },
    bytes: { type: 'integer' },
    status: { type: 'string', enum: ['indexed', 'skipped', 'pending'], description: 'pending: added, changed or removed and waiting for the ingest that indexes it' },
    reason: { type: 'string', description: 'Why a skipped file is not indexed' },
    pages: { type: 'integer', description: 'PDF pages' },
    ocrPages: { type: 'array', items: { type: 'integer' }, description: 'Pages read by OCR' },
    chunks: { type: 'integer', description: 'Passages indexed' },
    ingestedAt: { type: 'string', format: 'date-time', description: 'When this content was indexed' },
  },
} as const;

const documentsResponseSchema = {
  type: 'object',
  required: ['documents', 'counts', 'ingest'],
  properties: {
    documents: { type: 'array', items: documentSchema },
    counts: {
      type: 'object',
      required: ['indexed', 'skipped', 'pending'],
      properties: { indexed: { type: 'integer' }, skipped: { type: 'integer' }, pending: { type: 'integer' } },
    },
    ingest: ingestStatusSchema,
  },
} as const;

export const listDocumentsSchema = {
  summary: 'The documents and their state in the index',
  description: 'Every file in the documents folder with its type, size, pages, passages, when it was indexed and its status; skipped files say why.',
  tags: ['Documents'],
  response: { 200: documentsResponseSchema, ...errorResponses(403, 500, 503) },
} as const;

export const ingestStatusRouteSchema = {
  summary: 'Progress of the ingest after a change',
  tags: ['Documents'],
  response: { 200: ingestStatusSchema, ...errorResponses(403, 500) },
} as const;

export interface UploadQuery {
  replace?: boolean | string;
}

export const uploadDocumentsSchema = {
  summary: 'Upload documents',
  description:
    'multipart/form-data with one or more files (any field name). Each is checked by its content, stored under a sanitised name in SEEDS_DIR and indexed by an incremental ingest; the answer comes at once (202) and GET /v1/documents/status shows the progress. A file of an existing name is refused (409) unless replace=true.',
  tags: ['Documents'],
  consumes: ['multipart/form-data'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { replace: { type: 'string', enum: ['true', 'false'], description: 'Replace documents of the same name' } },
  },
  response: {
    202: {
      type: 'object',
      required: ['documents', 'ingest'],
      properties: {
        documents: {
          type: 'array',
          items: { type: 'object', required: ['source', 'replaced'], properties: { source: { type: 'string', description: 'The name it is stored under' }, replaced: { type: 'boolean' } } },
        },
        ingest: ingestStatusSchema,
      },
    },
    ...errorResponses(400, 403, 409, 413, 415, 500),
  },
} as const;

export const deleteDocumentSchema = {
  summary: 'Delete a document',
  description: 'Removes the file from SEEDS_DIR and drops it from the index by an incremental ingest (answer 202 at once). The path is the document’s `source`, URL-encoded.',
  tags: ['Documents'],
  response: {
    202: { type: 'object', required: ['deleted', 'ingest'], properties: { deleted: { type: 'string' }, ingest: ingestStatusSchema } },
    ...errorResponses(403, 404, 500),
  },
} as const;
