import type { AskResponse } from '../types.ts';

const INDENT = '    ';
/** Answers below this confidence are shown as uncertain. */
export const LOW_CONFIDENCE = 0.5;

/** `[n] source › section › subsection` */
export function citationHeading(citation: { n: number; source: string; section: string[] }): string {
  return `[${citation.n}] ${[citation.source, ...citation.section].join(' › ')}`;
}

/** The answer for a terminal: the text, then a numbered list of its sources with the cited text indented. */
export function formatAnswer(response: AskResponse): string {
  const lines = response.short ? [`Short answer: ${response.short.text} [${response.short.citation}]`, ''] : [];
  lines.push(response.answer.trim());
  if (response.status === 'answered' && response.confidence !== undefined && response.confidence < LOW_CONFIDENCE) {
    lines.push('', `(Low confidence, ${response.confidence.toFixed(2)}: check the sources below.)`);
  }
  if (response.fallback === 'llm_unavailable') {
    lines.push('', '(The language model was unavailable: this answer is quoted from the documents.)');
  }
  if (response.citations.length > 0) {
    lines.push('', 'Sources:');
    for (const citation of response.citations) {
      lines.push(citationHeading(citation));
      for (const line of citation.text.split('\n')) {
        if (line.trim() !== '') lines.push(INDENT + line.trim());
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
