/** Types of citation-markers.js (plain JS served to the browser as is), for the tests that import it. */

export type AnswerPart = { type: 'text'; text: string } | { type: 'cite'; numbers: number[]; raw: string };

export function markerNumbers(marker: string): number[];
export function splitCitations(answer: string): AnswerPart[];
export function stripCitations(answer: string): string;
