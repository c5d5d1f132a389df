import { ApiError, createApi } from './api.js';
import { createAnswerCard } from './answer-card.js';
import { stripCitations } from './citation-markers.js';
import { h } from './dom.js';
import { createSettings } from './settings.js';
import { createSourcePanel } from './source-panel.js';

/** Chat turns (user or assistant messages) sent back with a question, so follow-ups are understood. */
const HISTORY_TURNS = 6;
/** The server's limit on one history message. */
const HISTORY_CHARS = 4000;

const byId = (id) => document.getElementById(id);

const conversation = byId('conversation');
const emptyState = byId('empty-state');
const composer = byId('composer');
const input = byId('question');
const sendButton = byId('send');
const liveStatus = byId('live-status');

/** Finished exchanges, oldest first: `{ question, answer }` with the answer as the server settled it. */
const exchanges = [];
let answering = false;
let refusedQuestion = null;

const settings = createSettings({
  details: byId('settings'),
  form: byId('settings-form'),
  input: byId('api-key'),
  clearButton: byId('api-key-clear'),
  status: byId('api-key-status'),
  onSaved: () => {
    if (refusedQuestion === null || answering) return;
    const question = refusedQuestion;
    refusedQuestion = null;
    void ask(question);
  },
});

const api = createApi(settings.apiKey);

const sourcePanel = createSourcePanel({
  api,
  panel: byId('source-panel'),
  scrim: byId('source-scrim'),
  title: byId('source-title'),
  closeButton: byId('source-close'),
  file: byId('source-file'),
  section: byId('source-section'),
  passage: byId('source-passage'),
});

function history() {
  const turns = exchanges.flatMap(({ question, answer }) => [
    { role: 'user', content: question },
    { role: 'assistant', content: stripCitations(answer) },
  ]);
  return turns.slice(-HISTORY_TURNS).map((turn) => ({ ...turn, content: [...turn.content].slice(0, HISTORY_CHARS).join('') }));
}

/** Keeps the newest message in view unless the reader has scrolled up to read something else. */
function followConversation(force = false) {
  const scroller = document.scrollingElement;
  const nearBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 160;
  if (force || nearBottom) scroller.scrollTop = scroller.scrollHeight;
}

function setAnswering(value) {
  answering = value;
  sendButton.disabled = value;
  composer.setAttribute('aria-busy', String(value));
  liveStatus.textContent = value ? '正在回答…' : '';
}

async function ask(question) {
  emptyState.hidden = true;
  const sent = history();
  conversation.append(h('div', { class: 'turn turn--user' }, h('p', { class: 'bubble' }, question)));
  const card = createAnswerCard({ onCite: (citation, button) => sourcePanel.open(citation, button) });
  conversation.append(h('div', { class: 'turn turn--answer' }, card.element));
  followConversation(true);
  setAnswering(true);
  try {
    let settled = false;
    for await (const { event, data } of api.ask(question, sent.length > 0 ? sent : undefined)) {
      if (event === 'citations') card.setCitations(data.citations);
      else if (event === 'delta') card.appendDelta(data.text);
      else if (event === 'done') {
        card.finish(data, question);
        exchanges.push({ question, answer: data.answer });
        liveStatus.textContent = data.status === 'answered' ? '回答完成' : '文档中没有找到答案';
        settled = true;
        break;
      } else if (event === 'error') {
        throw new ApiError(data.error?.code ?? 'INTERNAL', data.error?.message ?? '');
      }
      followConversation();
    }
    if (!settled) throw new ApiError('INTERRUPTED', 'the answer stream ended early');
  } catch (error) {
    const failure = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error?.message ?? error));
    if (failure.status === 401) {
      refusedQuestion = question;
      card.fail(failure);
      settings.promptForKey('服务需要 API 密钥：请填写后保存，问题会自动重新发送。');
    } else {
      card.fail(failure, () => {
        if (!answering) void ask(question);
      });
    }
    liveStatus.textContent = '出错了';
  } finally {
    setAnswering(false);
    followConversation();
  }
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (answering) return;
  if (question === '') {
    input.focus();
    return;
  }
  input.value = '';
  input.style.removeProperty('height');
  void ask(question);
});

input.addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter is a new line; Enter that confirms an input-method candidate (拼音) must not send.
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  composer.requestSubmit();
});

// Browsers without CSS `field-sizing` get the growing question box from script.
if (!CSS.supports('field-sizing', 'content')) {
  input.addEventListener('input', () => {
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
  });
}

input.focus();
