import type { RankedCandidate as ScoredCandidate } from './selector.ts';

interface WeightedTerm {
  term: string;
  weight: number;
}

/** A list question whose answer is a section's items: the best sentence's heading must carry this share of the question. */
const SECTION_HEADING_COVERAGE = 0.5;
/** A section answers by its heading path only when its own title names at least this share of the question. */
const HEADED_TITLE_SHARE = 0.2;
export const MAX_SECTION_ITEMS = 12;

/** Scores the sentences of a whole section, when the answerer can see beyond the retrieved passages. */
export type SectionScorer = (anchor: ScoredCandidate) => ScoredCandidate[] | undefined;

function weightShare(terms: readonly WeightedTerm[], text: string): number {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  return total ? terms.reduce((s, t) => s + (text.includes(t.term) ? t.weight : 0), 0) / total : 0;
}

const sectionKey = (c: ScoredCandidate) => `${c.passage.source}\u0000${c.passage.section.join('\u0000')}`;

export interface HeadedSection {
  /** A paragraph-opening sentence of the section. */
  lead: ScoredCandidate;
  /** The share of the question the section's own title holds. */
  titleShare: number;
  /** The share its heading path (its title and those above it) holds. */
  pathShare: number;
}

/**
 * Retrieved sections with at least two paragraphs whose title names part of the question, best first: by
 * their own title, then by their heading path (the document named above its numbered parts).
 */
export function headedSections(scored: readonly ScoredCandidate[], terms: readonly WeightedTerm[]): HeadedSection[] {
  const leads = new Map<string, ScoredCandidate[]>();
  for (const c of scored) {
    if (!c.isLead || c.passage.section.length === 0) continue;
    const key = sectionKey(c);
    const known = leads.get(key);
    if (known) known.push(c);
    else leads.set(key, [c]);
  }
  const sections: HeadedSection[] = [];
  for (const [lead, ...others] of leads.values()) {
    if (!lead || !others.length) continue;
    const titleShare = weightShare(terms, lead.heading);
    if (titleShare < HEADED_TITLE_SHARE) continue;
    sections.push({ lead, titleShare, pathShare: weightShare(terms, lead.headingPath) });
  }
  return sections.sort((a, b) => b.titleShare - a.titleShare || b.pathShare - a.pathShare || a.lead.rank - b.lead.rank);
}

/**
 * A list question answered by a section's items, i.e. the opening sentence of each of its paragraphs: the
 * section of the best sentence or any retrieved section when its title names the question, else a section
 * whose heading path holds more of the question than any sentence does. Empty when none holds.
 */
export function sectionListItems(
  scored: ScoredCandidate[],
  best: ScoredCandidate | undefined,
  terms: readonly WeightedTerm[],
  wholeSection: SectionScorer,
): ScoredCandidate[] {
  const [top] = headedSections(scored, terms);
  const anchor =
    best && weightShare(terms, best.heading) >= SECTION_HEADING_COVERAGE
      ? best
      : top && (top.titleShare >= SECTION_HEADING_COVERAGE || top.pathShare > (best?.features.wordCover ?? 0))
        ? top.lead
        : undefined;
  if (!anchor) return [];
  const items = (wholeSection(anchor) ?? scored)
    .filter((c) => c.isLead && sectionKey(c) === sectionKey(anchor))
    .sort((a, b) => a.start - b.start)
    .slice(0, MAX_SECTION_ITEMS);
  return items.length >= 2 ? items : [];
}
