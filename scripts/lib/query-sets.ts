import { normaliseForMatch, toTraditional } from '../../src/text/normalise.ts';
import { isLatinScript } from '../../src/answer/question-analysis.ts';
import { loadCmrc, loadDevSet } from './datasets.ts';
import { stripSpaces } from './metrics.ts';

export interface Query {
  question: string;
  isHit(hit: { text: string; source: string }): boolean;
}

const evidenceHit = (evidence: string[], convert: (s: string) => string) => (hit: { text: string }) =>
  evidence.some((e) => convert(stripSpaces(hit.text)).includes(convert(stripSpaces(e))));
const same = (s: string) => s;

/** The seed's answerable questions: Chinese as written, Chinese turned into 繁體, and English. */
export function devQuerySets() {
  const dev = loadDevSet().filter((d) => d.answerable);
  const chinese = dev.filter((d) => !isLatinScript(d.question));
  const english = dev.filter((d) => isLatinScript(d.question));
  return {
    chinese: chinese.map((d): Query => ({ question: d.question, isHit: evidenceHit(d.evidence, same) })),
    traditional: chinese.map((d): Query => ({ question: toTraditional(d.question), isHit: evidenceHit(d.evidence, same) })),
    /** Simplified questions over a corpus converted to 繁體: hits compare after 繁→简. */
    overTraditionalText: chinese.map((d): Query => ({ question: normaliseForMatch(d.question), isHit: evidenceHit(d.evidence, normaliseForMatch) })),
    english: english.map((d): Query => ({ question: d.question, isHit: evidenceHit(d.evidence, same) })),
  };
}

/** CMRC trial questions: a hit is a passage from the question's own context file. */
export function cmrcQuerySets() {
  const cmrc = loadCmrc();
  const hit = (contextId: string) => (h: { source: string }) => h.source === `${contextId}.txt`;
  return {
    simplified: cmrc.map((q): Query => ({ question: q.question, isHit: hit(q.context_id) })),
    traditional: cmrc.map((q): Query => ({ question: toTraditional(q.question), isHit: hit(q.context_id) })),
  };
}
