import type { AskResponse, Citation } from '../types.ts';

/**
 * One answer to a question that asks several things, from the answers to its parts: the answered parts in
 * order (a quote two parts share said once), their citations numbered anew (a span two parts cite is cited once), the least confident part's
 * confidence. Refused when no part is answered; a refused part is left out of the answer.
 */
export function combineParts(question: string, parts: readonly AskResponse[], refusal: AskResponse): AskResponse {
  const answered = parts.filter((p) => p.status === 'answered');
  if (!answered.length) return refusal;
  const citations: Citation[] = [];
  const numberOf = (c: Citation) => {
    let found = citations.find((x) => x.source === c.source && x.start === c.start && x.end === c.end);
    if (!found) citations.push((found = { ...c, n: citations.length + 1 }));
    return found.n;
  };
  const texts = answered.map((part) => {
    const renumbered = new Map(part.citations.map((c) => [c.n, numberOf(c)]));
    return part.answer.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumbered.get(Number(n)) ?? n}]`);
  });
  const confidence = Math.min(...answered.map((p) => p.confidence ?? 0));
  // Two parts answered by the same quote say it once.
  return { status: 'answered', answer: [...new Set(texts)].join(''), mode: refusal.mode, citations, question, confidence };
}
