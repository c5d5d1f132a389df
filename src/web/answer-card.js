import { answerAsText, copyText } from './answer-copy.js';
import { readableMessage } from './api.js';
import { bindCitations } from './cited-text.js';
import { fileName, h, sectionPath } from './dom.js';
import { sourceList } from './source-list.js';

const MODE_LABELS = {
  extractive: { text: '离线摘录', title: '直接摘录文档原文作答' },
  llm: { text: '大模型', title: '由大模型依据检索到的段落作答' },
};
/** Below this confidence an answer is shown as uncertain. */
const LOW_CONFIDENCE = 0.5;
const COPIED_MS = 2000;

/**
 * One answer in the conversation: streams in, then settles as answered, no-answer, stopped or error.
 * `onCite(citation, button)` opens the source panel.
 */
export function createAnswerCard({ onCite }) {
  let citations = [];
  let streamed = '';

  const status = h('span', { class: 'answer__status' }, '正在检索文档…');
  const meta = h('div', { class: 'answer__meta' }, status);
  const heading = h('h2', { class: 'answer__heading', hidden: true });
  const searched = h('p', { class: 'answer__searched', hidden: true });
  const short = h('p', { class: 'answer__short', hidden: true });
  const body = h('div', { class: 'answer__body', 'aria-live': 'polite', 'aria-busy': 'true' });
  const notes = h('div', { class: 'answer__notes' });
  const sources = h('section', { class: 'answer__sources', hidden: true });
  const element = h('article', { class: 'answer answer--pending', 'aria-label': '回答' }, meta, heading, searched, short, body, notes, sources);

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

  /** Answer text with each known [n] as a chip, bound to its neighbours; unknown numbers stay as written. */
  function renderAnswer(text) {
    const nodes = bindCitations(text).map((part) => {
      if (part.type === 'text') return part.text;
      const known = part.numbers.map(byNumber).filter(Boolean);
      if (known.length === 0) return `${part.before}${part.raw}${part.after}`;
      return h('span', { class: 'cites' }, part.before, known.map(chip), part.after);
    });
    body.replaceChildren(...nodes);
  }

  function renderSources(title) {
    sources.hidden = citations.length === 0;
    if (!sources.hidden) sources.replaceChildren(h('h3', { class: 'answer__sources-title' }, title), sourceList(citations, onCite));
  }

  /** The short answer phrase (八十六岁, 2025年…) emphasised above the quoted proof, with its citation. */
  function renderShort(phrase) {
    const citation = phrase && byNumber(phrase.citation);
    short.hidden = !citation;
    if (citation) short.replaceChildren(h('span', { class: 'answer__short-label' }, '答案'), h('strong', {}, phrase.text), chip(citation));
  }

  function copyButton(response) {
    const button = h('button', { type: 'button', class: 'copy-button', 'aria-label': '复制回答' }, '复制');
    button.addEventListener('click', async () => {
      try {
        await copyText(answerAsText(response));
        button.textContent = '已复制';
      } catch {
        button.textContent = '复制失败';
      }
      setTimeout(() => (button.textContent = '复制'), COPIED_MS);
    });
    return button;
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
      const uncertain = answered && typeof response.confidence === 'number' && response.confidence < LOW_CONFIDENCE;
      settle(answered ? 'answered' : 'none');
      element.classList.toggle('answer--uncertain', uncertain);
      const mode = MODE_LABELS[response.mode] ?? { text: response.mode, title: '' };
      const badges = [h('span', { class: `badge badge--${response.mode}`, title: mode.title }, mode.text)];
      if (uncertain) badges.push(h('span', { class: 'badge badge--uncertain', title: `把握约 ${Math.round(response.confidence * 100)}%` }, '把握不大，请核对出处'));
      status.replaceWith(...badges, copyButton(response));
      if (!answered) {
        heading.textContent = '文档中没有找到答案';
        heading.hidden = false;
      }
      if (response.question && response.question !== askedQuestion.trim()) {
        searched.textContent = `检索问题：${response.question}`;
        searched.hidden = false;
      }
      renderShort(answered ? response.short : undefined);
      renderAnswer(response.answer);
      if (response.fallback === 'llm_unavailable') note('大模型暂时不可用，本次回答改为直接摘录文档原文。', 'warn');
      renderSources(answered ? '来源' : '最接近的段落');
    },

    /** The reader stopped the answer: what arrived stays, marked as cut short. */
    stop() {
      settle('stopped');
      status.textContent = '已停止';
      if (streamed === '') sources.hidden = true;
      note('回答已停止，以上内容不完整。');
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
