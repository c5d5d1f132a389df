/** Where a span of a paged document (PDF) sits: present only for such documents. */
export const pageFields = {
  page: { type: 'integer', minimum: 1, description: 'PDF only: the 1-based page the span starts on' },
  ocr: { type: 'boolean', enum: [true], description: 'Present when the span was read by OCR from a scanned page (its text may contain recognition errors)' },
} as const;

/** The fields every passage shares on the wire, whether cited (/v1/ask) or retrieved (/v1/search). */
export const passageFields = {
  id: { type: 'string', description: 'Chunk id in the index' },
  text: { type: 'string', description: 'The passage text, exactly as in the document' },
  source: { type: 'string', description: 'Document path relative to SEEDS_DIR' },
  section: { type: 'array', items: { type: 'string', description: 'A heading' }, description: 'Headings above the passage, outermost first' },
  start: { type: 'integer', description: 'Offset of the passage in the decoded document' },
  end: { type: 'integer', description: 'Offset just past the passage' },
  ...pageFields,
} as const;
