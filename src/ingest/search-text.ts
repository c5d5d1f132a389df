import type { ChunkRecord } from '../types.ts';

/**
 * What search sees of a chunk: its innermost heading plus its text, so that a question naming the
 * section ("7项重要举措") finds passages under that heading. Used for both BM25 and vectors.
 */
export function searchText(chunk: Pick<ChunkRecord, 'section' | 'text'>): string {
  const heading = chunk.section.at(-1);
  return heading && !chunk.text.startsWith(heading) ? `${heading}\n${chunk.text}` : chunk.text;
}
