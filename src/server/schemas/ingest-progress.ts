/** How far a running ingest is: the same shape in /v1/documents/status and /readyz. */
export const ingestProgressSchema = {
  type: 'object',
  description: 'How far the running ingest is',
  properties: {
    phase: { type: 'string', enum: ['read', 'embed', 'write'], description: 'read: documents are read and chunked; embed: vectors; write: the index is published' },
    filesDone: { type: 'integer', description: 'Documents read so far' },
    filesTotal: { type: 'integer', description: 'Documents in the folder' },
    bytesDone: { type: 'integer', description: 'Bytes of documents read so far' },
    bytesTotal: { type: 'integer', description: 'Bytes of all documents' },
    chunks: { type: 'integer', description: 'Passages so far' },
    embedded: { type: 'integer', description: 'Passage vectors written so far (embed phase)' },
  },
} as const;
