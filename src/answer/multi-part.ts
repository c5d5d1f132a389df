import type { AskResponse, Citation } from '../types.ts';

/** The quotes of an answer, without their markers and the ellipses of cut sentences. */
const quotesOf = (answer: string) => answer.split(/\[\d+\]/).map((q) => q.replace(/^…|…$/g, '').trim()).filter(Boolean);
/** Whether everything `part` quotes, `other` quotes too. */
const heldBy = (part: AskResponse, other: AskResponse) => {
  const said = quotesOf(other.answer).join('\n');
  return quotesOf(part.answer).every((q) => said.includes(q));
};

/**
 * The answered parts without those another part's quotes already say (婚假13天… for 几天, then 婚假13天…一年内休完 for
 * 多久): the longer answer says both. Of two parts quoting the same, the first stays.
 */
function withoutRepeats(answered: readonly AskResponse[]): AskResponse[] {
  return answered.filter((part, i) => !answered.some((other, j) => j !== i && heldBy(part, other) && (j < i || !heldBy(other, part))));
}

/**
 * One answer to a question that asks several things, from the answers to its parts: the answered parts in
 * order (a quote two parts share said once, a part another part's quote holds left out), their citations numbered anew (a span two parts cite is cited once), the least confident part's
 * confidence. Refused when no part is answered; a refused part is left out of the answer.
 */
export function combineParts(question: string, parts: readonly AskResponse[], refusal: AskResponse): AskResponse {
  const answered = withoutRepeats(parts.filter((p) => p.status === 'answered'));
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
