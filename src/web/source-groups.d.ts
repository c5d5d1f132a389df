/** Types of source-groups.js (plain JS served to the browser as is), for the tests that import it. */

export interface SourceGroup<C> {
  source: string;
  section: string[];
  citations: C[];
}

export function groupCitations<C extends { source: string; section: string[] }>(citations: C[]): SourceGroup<C>[];
