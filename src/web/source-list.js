import { fileName, h, sectionPath } from './dom.js';
import { groupCitations } from './source-groups.js';

/** How much of a passage the source list previews. */
const SNIPPET_CHARS = 60;

function snippet(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > SNIPPET_CHARS ? `${[...flat].slice(0, SNIPPET_CHARS).join('')}…` : flat;
}

function openButton(citation, onCite, className, ...children) {
  return h(
    'button',
    {
      type: 'button',
      class: className,
      'aria-haspopup': 'dialog',
      'aria-controls': 'source-panel',
      'aria-expanded': 'false',
      dataset: { n: String(citation.n) },
      onclick: (event) => onCite(citation, event.currentTarget),
    },
    ...children,
  );
}

/** One card per document section; a section cited once is one button, a section cited for several items lists them. */
function groupCard(group, onCite) {
  const heading = [
    h('span', { class: 'source__file' }, fileName(group.source)),
    group.section.length > 0 ? h('span', { class: 'source__section' }, sectionPath(group.section)) : null,
  ];
  if (group.citations.length === 1) {
    const [citation] = group.citations;
    return h(
      'li',
      {},
      openButton(
        citation,
        onCite,
        'source',
        h('span', { class: 'source__n', 'aria-hidden': 'true' }, String(citation.n)),
        h('span', { class: 'source__text' }, ...heading, h('span', { class: 'source__snippet' }, snippet(citation.text))),
      ),
    );
  }
  const items = group.citations.map((citation) =>
    h('li', {}, openButton(citation, onCite, 'source-item', h('span', { class: 'source__n', 'aria-hidden': 'true' }, String(citation.n)), h('span', { class: 'source__snippet' }, snippet(citation.text)))),
  );
  return h('li', { class: 'source source--group' }, h('span', { class: 'source__text' }, ...heading), h('ol', { class: 'source-items' }, items));
}

/** The list of an answer's sources, grouped by section. */
export function sourceList(citations, onCite) {
  return h('ol', { class: 'source-list' }, groupCitations(citations).map((group) => groupCard(group, onCite)));
}
