import { readableMessage } from './api.js';
import { splitCitations } from './citation-markers.js';
import { fileName, h, sectionPath } from './dom.js';

const MODE_LABELS = {
  extractive: { text: '离线摘录', title: '直接摘录文档原文作答' },
  llm: { text: '大模型', title: '由大模型依据检索到的段落作答' },
};

/** How much of a passage the source list previews. */
const SNIPPET_CHARS = 60;

function snippet(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > SNIPPET_CHARS ? `${[...flat].slice(0, SNIPPET_CHARS).join('')}…` : flat;
}

/**
 * One answer in the conversation: streams in, then settles as answered, no-answer or error.
 * `onCite(citation, button)` opens the source panel.
 */
export function createAnswerCard({ onCite }) {
  let citations = [];
  let streamed = '';

  const status = h('span', { class: 'answer__status' }, '正在检索文档…');
  const meta = h('div', { class: 'answer__meta' }, status);
  const heading = h('h2', { class: 'answer__heading', hidden: true });
  const searched = h('p', { class: 'answer__searched', hidden: true });
  const body = h('div', { class: 'answer__body', 'aria-live': 'polite', 'aria-busy': 'true' });
  const notes = h('div', { class: 'answer__notes' });
  const sources = h('section', { class: 'answer__sources', hidden: true });
  const element = h('article', { class: 'answer answer--pending', 'aria-label': '回答' }, meta, heading, searched, body, notes, sources);

  function byNumber(n) {
    return citations.find((citation) => citation.n === n);
  }

  function chip(citation) {
    const where = [fileName(citation.source), sectionPath(citation.section)].filter(Boolean).join(' › ');
    return h(
      'button',
      {
        type: 'button',
        class: 'cite',
        'aria-label': `来源 ${citation.n}：${where}`,
        'aria-haspopup': 'dialog',
        'aria-controls': 'source-panel',
        'aria-expanded': 'false',
        title: where,
        dataset: { n: String(citation.n) },
        onclick: (event) => onCite(citation, event.currentTarget),
      },
      String(citation.n),
    );
  }

  /** Answer text with each known [n] as a chip; unknown numbers stay as written. */
  function renderAnswer(text) {
    const nodes = [];
    for (const part of splitCitations(text)) {
      if (part.type === 'text') {
        nodes.push(part.text);
        continue;
      }
      const known = part.numbers.map(byNumber).filter(Boolean);
      if (known.length === 0) nodes.push(part.raw);
      else nodes.push(h('span', { class: 'cites' }, known.map(chip)));
    }
    body.replaceChildren(...nodes);
  }

  function renderSources(title) {
    if (citations.length === 0) {
      sources.hidden = true;
      return;
    }
    const items = citations.map((citation) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'source',
            'aria-haspopup': 'dialog',
            'aria-controls': 'source-panel',
            'aria-expanded': 'false',
            dataset: { n: String(citation.n) },
            onclick: (event) => onCite(citation, event.currentTarget),
          },
          h('span', { class: 'source__n', 'aria-hidden': 'true' }, String(citation.n)),
          h(
            'span',
            { class: 'source__text' },
            h('span', { class: 'source__file' }, fileName(citation.source)),
            citation.section.length > 0 ? h('span', { class: 'source__section' }, sectionPath(citation.section)) : null,
            h('span', { class: 'source__snippet' }, snippet(citation.text)),
          ),
        ),
      ),
    );
    sources.replaceChildren(h('h3', { class: 'answer__sources-title' }, title), h('ol', { class: 'source-list' }, items));
    sources.hidden = false;
  }

  function settle(kind) {
    element.classList.remove('answer--pending');
    element.classList.add(`answer--${kind}`);
    body.setAttribute('aria-busy', 'false');
  }

  function note(text, kind = 'info') {
    notes.append(h('p', { class: `note note--${kind}` }, text));
  }

  return {
    element,

    setCitations(list) {
      citations = list;
      status.textContent = '正在生成回答…';
      renderSources('检索到的段落');
    },

    appendDelta(text) {
      streamed += text;
      renderAnswer(streamed);
    },

    /** The `done` response is authoritative: it replaces whatever was streamed. */
    finish(response, askedQuestion) {
      citations = response.citations;
      const answered = response.status === 'answered';
      settle(answered ? 'answered' : 'none');
      const mode = MODE_LABELS[response.mode] ?? { text: response.mode, title: '' };
      status.replaceWith(h('span', { class: `badge badge--${response.mode}`, title: mode.title }, mode.text));
      if (!answered) {
        heading.textContent = '文档中没有找到答案';
        heading.hidden = false;
      }
      if (response.question && response.question !== askedQuestion.trim()) {
        searched.textContent = `检索问题：${response.question}`;
        searched.hidden = false;
      }
      renderAnswer(response.answer);
      if (response.fallback === 'llm_unavailable') note('大模型暂时不可用，本次回答改为直接摘录文档原文。', 'warn');
      renderSources(answered ? '来源' : '最接近的段落');
    },

    /** Shows the error; `onRetry`, when given, adds a retry button. */
    fail(error, onRetry) {
      settle('error');
      status.textContent = '出错了';
      heading.textContent = readableMessage(error);
      heading.hidden = false;
      body.replaceChildren(h('p', { class: 'answer__error-detail' }, `${error.code}${error.message ? `：${error.message}` : ''}`));
      if (onRetry) notes.append(h('button', { type: 'button', class: 'button button--secondary', onclick: onRetry }, '重试'));
      // Passages retrieved before the failure are not an answer: the error stands alone.
      sources.hidden = true;
    },
  };
}
