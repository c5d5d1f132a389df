import type { ErrorCode } from '../../errors.ts';
import { codesWithStatus, errorResponses } from './error.ts';
import { ingestProgressSchema } from './ingest-progress.ts';

/** A status's usual codes and the document routes' own. */
const withCodes = (status: number, ...codes: ErrorCode[]): [number, ErrorCode[]] => [status, [...codesWithStatus(status), ...codes]];
const FORBIDDEN = withCodes(403, 'FORBIDDEN');


export const ingestStatusSchema = {
  type: 'object',
  description: 'The ingest that brings the index up to date with the documents folder after a change',
  required: ['state', 'queued'],
  properties: {
    state: { type: 'string', enum: ['idle', 'running'], description: 'running while an ingest indexes changes' },
    queued: { type: 'boolean', description: 'Another run follows the current one (changes arrived while it ran)' },
    progress: ingestProgressSchema,
    last: {
      type: 'object',
      description: 'The last finished run',
      properties: {
        finishedAt: { type: 'string', format: 'date-time', description: 'When it ended' },
        seconds: { type: 'number', description: 'How long it took' },
        added: { type: 'array', items: { type: 'string', description: 'A source' }, description: 'Documents it indexed for the first time' },
        changed: { type: 'array', items: { type: 'string', description: 'A source' }, description: 'Documents it re-indexed' },
        removed: { type: 'array', items: { type: 'string', description: 'A source' }, description: 'Documents it dropped from the index' },
        skipped: { type: 'integer', description: 'Files it did not index (see GET /v1/documents for why)' },
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
    bytes: { type: 'integer', description: 'File size' },
    status: { type: 'string', enum: ['indexed', 'skipped', 'pending'], description: 'pending: added, changed or removed and waiting for the ingest that indexes it' },
    reason: { type: 'string', description: 'Why a skipped file is not indexed' },
    pages: { type: 'integer', description: 'PDF pages' },
    ocrPages: { type: 'array', items: { type: 'integer', description: 'A 1-based page' }, description: 'Pages read by OCR' },
    chunks: { type: 'integer', description: 'Passages indexed' },
    ingestedAt: { type: 'string', format: 'date-time', description: 'When this content was indexed' },
  },
} as const;

const documentsResponseSchema = {
  type: 'object',
  required: ['documents', 'counts', 'ingest'],
  properties: {
    documents: { type: 'array', items: documentSchema, description: 'Every file in SEEDS_DIR, by source' },
    counts: {
      type: 'object',
      description: 'Files by status',
      required: ['indexed', 'skipped', 'pending'],
      properties: {
        indexed: { type: 'integer', description: 'Files indexed' },
        skipped: { type: 'integer', description: 'Files not indexed, each with its reason' },
        pending: { type: 'integer', description: 'Files waiting for the ingest' },
      },
    },
    ingest: ingestStatusSchema,
  },
} as const;

export const listDocumentsSchema = {
  summary: 'The documents and their state in the index',
  description: 'Every file in the documents folder with its type, size, pages, passages, when it was indexed and its status; skipped files say why.',
  tags: ['Documents'],
  response: { 200: documentsResponseSchema, ...errorResponses(FORBIDDEN, 500, 503) },
} as const;

export const ingestStatusRouteSchema = {
  summary: 'Progress of the ingest after a change',
  description: 'Whether an ingest runs or is queued, how far it is, and how the last one went.',
  tags: ['Documents'],
  response: { 200: ingestStatusSchema, ...errorResponses(FORBIDDEN, 500, 503) },
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
          description: 'The files stored, in the order sent',
          items: {
            type: 'object',
            required: ['source', 'replaced'],
            properties: { source: { type: 'string', description: 'The name it is stored under' }, replaced: { type: 'boolean', description: 'It replaced a document of that name' } },
          },
        },
        ingest: ingestStatusSchema,
      },
    },
    ...errorResponses(withCodes(400, 'INVALID_FILE_NAME'), FORBIDDEN, withCodes(409, 'DOCUMENT_EXISTS'), withCodes(413, 'DOCUMENT_TOO_LARGE'), withCodes(415, 'UNSUPPORTED_DOCUMENT'), 500, 503),
  },
} as const;

export const deleteDocumentSchema = {
  summary: 'Delete a document',
  description: 'Removes the file from SEEDS_DIR and drops it from the index by an incremental ingest (answer 202 at once).',
  tags: ['Documents'],
  params: {
    type: 'object',
    required: ['source'],
    properties: { source: { type: 'string', minLength: 1, maxLength: 1000, description: 'The document’s `source`, URL-encoded as one segment (a/b.pdf → a%2Fb.pdf)' } },
  },
  response: {
    202: { type: 'object', required: ['deleted', 'ingest'], properties: { deleted: { type: 'string', description: 'The source deleted' }, ingest: ingestStatusSchema } },
    ...errorResponses(FORBIDDEN, withCodes(404, 'DOCUMENT_NOT_FOUND'), 500, 503),
  },
} as const;
