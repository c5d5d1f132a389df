import type { AnswerMode, AskResponse, Citation, SearchResult } from '../types.ts';
import { isLatinScript } from './question-analysis.ts';

/** How many of the closest passages a refusal still shows the reader. */
const CLOSEST = 3;

export function closestCitations(passages: readonly SearchResult[]): Citation[] {
  return passages.slice(0, CLOSEST).map((p, i) => ({
    n: i + 1,
    id: p.id,
    text: p.text,
    source: p.source,
    section: p.section,
    start: p.start,
    end: p.end,
    score: Number(p.score.toFixed(4)),
  }));
}

/** The documents do not answer: say so in the question's language and point to the closest passages. */
export function noAnswerResponse(question: string, passages: readonly SearchResult[], mode: AnswerMode, debug?: Record<string, unknown>): AskResponse {
  const citations = closestCitations(passages);
  const markers = citations.map((c) => `[${c.n}]`).join('');
  const english = isLatinScript(question);
  const answer = english
    ? `The documents do not answer this question.${markers ? ` The closest passages are ${markers}, for you to check.` : ''}`
    : `文档中没有能回答这个问题的内容。${markers ? `最接近的段落是${markers}，供参考核对。` : ''}`;
  return { status: 'no_answer', answer, mode, citations, question, ...(debug ? { debug } : {}) };
}
