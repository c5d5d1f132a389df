import { ApiError, createApi } from './api.js';
import { createAnswerCard } from './answer-card.js';
import { stripCitations } from './citation-markers.js';
import { loadConversation, saveConversation } from './conversation-store.js';
import { h } from './dom.js';
import { createSettings } from './settings.js';
import { createSourcePanel } from './source-panel.js';

/** Chat turns (user or assistant messages) sent back with a question, so follow-ups are understood. */
const HISTORY_TURNS = 6;
/** The server's limit on one history message. */
const HISTORY_CHARS = 4000;
/** Within this distance of the bottom, the reader is following the conversation. */
const FOLLOW_SLACK_PX = 80;

const byId = (id) => document.getElementById(id);

const conversation = byId('conversation');
const emptyState = byId('empty-state');
const examples = byId('examples');
const examplesList = byId('examples-list');
const composer = byId('composer');
const input = byId('question');
const sendButton = byId('send');
const stopButton = byId('stop');
const newConversationButton = byId('new-conversation');
const liveStatus = byId('live-status');

/** Finished exchanges, oldest first: `{ question, response }` with the response as the server settled it. */
let exchanges = loadConversation();
/** Aborts the answer being streamed; null when none is. */
let answering = null;
let refusedQuestion = null;
/** Whether new text scrolls into view: true until the reader scrolls up, true again once back at the bottom. */
let following = true;

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
  const turns = exchanges.flatMap(({ question, response }) => [
    { role: 'user', content: question },
    { role: 'assistant', content: stripCitations(response.answer) },
  ]);
  return turns.slice(-HISTORY_TURNS).map((turn) => ({ ...turn, content: [...turn.content].slice(0, HISTORY_CHARS).join('') }));
}

function scroller() {
  return document.scrollingElement;
}

window.addEventListener('scroll', () => {
  const s = scroller();
  following = s.scrollHeight - s.scrollTop - s.clientHeight < FOLLOW_SLACK_PX;
});

/** Keeps the end of the conversation in view (the whole last card, sources included) while the reader follows it. */
function followConversation() {
  if (following) scroller().scrollTop = scroller().scrollHeight;
}

function setAnswering(controller) {
  answering = controller;
  sendButton.hidden = controller !== null;
  stopButton.hidden = controller === null;
  composer.setAttribute('aria-busy', String(controller !== null));
  liveStatus.textContent = controller ? '正在回答…' : '';
  newConversationButton.hidden = controller === null && exchanges.length === 0 && conversation.childElementCount === 0;
}

/** Appends a question and its answer card; returns the card. */
function addTurn(question) {
  emptyState.hidden = true;
  newConversationButton.hidden = false;
  conversation.append(h('div', { class: 'turn turn--user' }, h('p', { class: 'bubble' }, question)));
  const card = createAnswerCard({ onCite: (citation, button) => sourcePanel.open(citation, button) });
  conversation.append(h('div', { class: 'turn turn--answer' }, card.element));
  return card;
}

async function ask(question) {
  const sent = history();
  const card = addTurn(question);
  following = true;
  followConversation();
  const controller = new AbortController();
  setAnswering(controller);
  try {
    let settled = false;
    for await (const { event, data } of api.ask(question, sent.length > 0 ? sent : undefined, controller.signal)) {
      if (event === 'citations') card.setCitations(data.citations);
      else if (event === 'delta') card.appendDelta(data.text);
      else if (event === 'done') {
        card.finish(data, question);
        exchanges.push({ question, response: data });
        saveConversation(exchanges);
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
    if (controller.signal.aborted) {
      card.stop();
    } else {
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
    }
  } finally {
    if (answering === controller) setAnswering(null);
    // The settled card is taller than the streamed one (heading, sources): show all of it.
    followConversation();
  }
}

function startNewConversation() {
  answering?.abort();
  exchanges = [];
  saveConversation(exchanges);
  conversation.replaceChildren();
  emptyState.hidden = false;
  setAnswering(null);
  void showExamples();
  input.focus();
}

/** Example questions from the documents' headings; quietly none when the service cannot give them. */
async function showExamples() {
  if (examplesList.childElementCount > 0) return;
  try {
    const list = await api.examples();
    examplesList.replaceChildren(
      ...list.map(({ question }) => h('li', {}, h('button', { type: 'button', class: 'example', onclick: () => !answering && void ask(question) }, question))),
    );
    examples.hidden = list.length === 0;
  } catch {
    examples.hidden = true;
  }
}

function restoreConversation() {
  for (const { question, response } of exchanges) addTurn(question).finish(response, question);
  following = true;
  followConversation();
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

stopButton.addEventListener('click', () => answering?.abort());
newConversationButton.addEventListener('click', startNewConversation);

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

if (exchanges.length > 0) restoreConversation();
else void showExamples();
input.focus();
