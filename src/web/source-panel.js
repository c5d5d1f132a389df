import { readableMessage } from './api.js';
import { fileName, h, pageLabel, sectionPath } from './dom.js';

/** Characters of surrounding text asked for on each side of the cited span. */
const CONTEXT_WINDOW = 160;

/**
 * The panel that shows where a citation comes from: a side panel on wide screens, a bottom sheet on
 * phones (CSS decides). Non-modal, so other citations stay clickable; Escape or × closes it and
 * gives focus back to the chip that opened it.
 */
export function createSourcePanel({ api, panel, scrim, title, closeButton, file, section, passage }) {
  let opener = null;
  let pending = null;
  const cache = new Map();

  /** Marks the chip or source whose passage is shown (and unmarks the previous one). */
  function setOpener(element) {
    opener?.classList.remove('is-active');
    opener?.setAttribute('aria-expanded', 'false');
    opener = element;
    opener?.classList.add('is-active');
    opener?.setAttribute('aria-expanded', 'true');
  }

  function close() {
    if (panel.hidden) return;
    pending?.abort();
    panel.hidden = true;
    scrim.hidden = true;
    document.body.classList.remove('panel-open');
    const returnTo = opener;
    setOpener(null);
    if (returnTo && returnTo.isConnected) returnTo.focus();
  }

  closeButton.addEventListener('click', close);
  scrim.addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      close();
    }
  });

  function showPassage(children, state) {
    passage.dataset.state = state;
    passage.replaceChildren(...children);
  }

  /** `before` and `after` start or stop mid-document unless shorter than the window asked for. */
  function contextNodes(context) {
    return [
      context.before.length >= CONTEXT_WINDOW ? '…' : '',
      context.before,
      h('mark', {}, context.text),
      context.after,
      context.after.length >= CONTEXT_WINDOW ? '…' : '',
    ];
  }

  async function loadContext(citation) {
    const key = `${citation.source}\u0000${citation.start}\u0000${citation.end}`;
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    showPassage([h('mark', {}, citation.text)], 'loading');
    passage.setAttribute('aria-busy', 'true');
    try {
      const context = cache.get(key) ?? (await api.context(citation, CONTEXT_WINDOW, controller.signal));
      cache.set(key, context);
      if (pending !== controller) return;
      if (context.text === citation.text) {
        showPassage(contextNodes(context), 'ready');
        // Starts the view a line or two above the cited span (the passage box is its offset parent).
        passage.scrollTop = Math.max(0, (passage.querySelector('mark')?.offsetTop ?? 0) - 56);
      } else {
        // The document was re-indexed since the answer: the offsets no longer point at the cited words.
        showPassage([h('mark', {}, citation.text), h('p', { class: 'passage-note' }, '文档已更新，无法显示上下文。')], 'stale');
      }
    } catch (error) {
      if (pending !== controller || error.name === 'AbortError') return;
      showPassage([h('mark', {}, citation.text), h('p', { class: 'passage-note' }, `无法加载上下文：${readableMessage(error)}`)], 'failed');
    } finally {
      if (pending === controller) {
        pending = null;
        passage.removeAttribute('aria-busy');
      }
    }
  }

  /** Shows `citation` and focuses the panel's title; `from` gets the focus back on close. */
  function open(citation, from) {
    setOpener(from ?? null);
    title.textContent = `来源 [${citation.n}]`;
    file.textContent = [fileName(citation.source), pageLabel(citation)].filter(Boolean).join(' · ');
    file.title = citation.source;
    section.textContent = citation.section.length > 0 ? sectionPath(citation.section) : '（无章节）';
    panel.hidden = false;
    scrim.hidden = false;
    document.body.classList.add('panel-open');
    title.focus();
    void loadContext(citation);
  }

  return { open, close };
}
