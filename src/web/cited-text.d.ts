/** Types of cited-text.js (plain JS served to the browser as is), for the tests that import it. */

export type BoundPart = { type: 'text'; text: string } | { type: 'cite'; before: string; numbers: number[]; raw: string; after: string };

export function bindCitations(answer: string): BoundPart[];
