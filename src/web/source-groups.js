/**
 * Citations grouped by document and section, in order of first citation: a list answer citing nine items of
 * one section shows one source card holding its nine items, not nine cards with the same heading.
 * Returns `{ source, section, citations }` groups.
 */
export function groupCitations(citations) {
  const groups = new Map();
  for (const citation of citations) {
    const key = JSON.stringify([citation.source, citation.section]);
    if (!groups.has(key)) groups.set(key, { source: citation.source, section: citation.section, citations: [] });
    groups.get(key).citations.push(citation);
  }
  return [...groups.values()];
}
