import { splitSentences } from '../chunking/sentences.ts';
import type { Citation } from '../types.ts';
import { extractMarkers, stripMarkers } from './citations.ts';
import { supportOverlap } from './verify.ts';

/** A passage sentence must share at least this much of an answer sentence's content to count as its source. */
const MIN_SOURCE_OVERLAP = 0.3;

/**
 * Narrows each citation from its whole passage to the sentences that support the answer sentences citing it
 * (the best-matching passage sentence of each), so a reader is pointed at the span, not the chunk. Offsets stay
 * exact: the narrowed text is a slice of the passage text. A citation none of whose sentences is found is kept whole.
 */
export function narrowCitations(answer: string, citations: readonly Citation[]): Citation[] {
  const claims = splitSentences(answer).map((s) => answer.slice(s.start, s.end));
  return citations.map((citation) => {
    const citing = claims.filter((claim) => extractMarkers(claim).includes(citation.n)).map(stripMarkers);
    const sentences = splitSentences(citation.text);
    let from = Infinity;
    let to = -Infinity;
    for (const claim of citing) {
      let best: { start: number; end: number; overlap: number } | null = null;
      for (const span of sentences) {
        const overlap = supportOverlap(claim, [citation.text.slice(span.start, span.end)]);
        if (overlap >= MIN_SOURCE_OVERLAP && (!best || overlap > best.overlap)) best = { ...span, overlap };
      }
      if (best) {
        from = Math.min(from, best.start);
        to = Math.max(to, best.end);
      }
    }
    if (from === Infinity) return citation;
    return { ...citation, text: citation.text.slice(from, to), start: citation.start + from, end: citation.start + to };
  });
}
