import { documentsApi } from './documents-api.js';
import { h } from './dom.js';

/** How often the list is re-read while something is being indexed. */
const POLL_MS = 1000;

const STATUS_TEXT = { indexed: '已索引', pending: '等待索引', skipped: '已跳过' };
const PHASE_TEXT = { read: '读取文档', embed: '生成向量', write: '写入索引' };
/** What to tell the reader for each error code of these routes; the server's message follows it. */
const ERROR_TEXT = {
  UNAUTHORIZED: '需要 API 密钥：请在「设置」中填写管理员密钥。',
  FORBIDDEN: '此密钥不能管理文档：需要管理员密钥。',
  DOCUMENT_EXISTS: '已有同名文档：勾选「替换同名文档」后重新上传。',
  DOCUMENT_TOO_LARGE: '文件太大。',
  UNSUPPORTED_DOCUMENT: '无法读取此文件：请上传内容与扩展名相符的 .txt、.md、.html、.pdf 或 .docx 文件。',
  INVALID_FILE_NAME: '文件名不可用：请上传 .txt、.md、.html、.pdf 或 .docx 文件。',
  NOT_READY: '服务仍在加载，请稍后重试。',
  NETWORK: '无法连接到服务。',
};

const byId = (id) => document.getElementById(id);

function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function progressText(ingest) {
  if (ingest.state !== 'running') return ingest.queued ? '即将开始索引…' : '';
  const p = ingest.progress;
  if (!p) return '正在索引…';
  return p.phase === 'read' ? `正在索引：${PHASE_TEXT.read} ${p.filesDone}/${p.filesTotal}` : `正在索引：${PHASE_TEXT[p.phase] ?? p.phase}`;
}

/** The documents panel: the list with each file's state, upload by picking or dropping files, deletion, progress. */
function createDocumentsPanel() {
  const panel = byId('documents-panel');
  const toggle = byId('documents-toggle');
  const list = byId('documents-list');
  const status = byId('documents-status');
  const progress = byId('documents-progress');
  const drop = byId('documents-drop');
  const picker = byId('documents-file');
  const replace = byId('documents-replace');
  let timer = null;

  function say(message, isError = false) {
    status.textContent = message;
    status.classList.toggle('documents-status--error', isError);
  }

  const failure = (error) => `${ERROR_TEXT[error.code] ?? '操作失败。'}${error.message ? `（${error.message}）` : ''}`;

  function row(doc) {
    const scanned = doc.ocrPages?.length ? `${doc.ocrPages.length} 页为扫描识别` : null;
    const details = [doc.type.toUpperCase(), size(doc.bytes), doc.pages ? `${doc.pages} 页` : null, scanned, doc.chunks ? `${doc.chunks} 段` : null].filter(Boolean).join(' · ');
    return h(
      'li',
      { class: `document document--${doc.status}`, dataset: { source: doc.source } },
      h('div', { class: 'document__main' }, h('span', { class: 'document__name', title: doc.source }, doc.source), h('span', { class: 'document__details' }, details)),
      h('span', { class: 'document__status' }, doc.status === 'skipped' && doc.reason ? `${STATUS_TEXT.skipped}：${doc.reason}` : STATUS_TEXT[doc.status]),
      h('button', { class: 'button button--secondary document__delete', type: 'button', 'aria-label': `删除 ${doc.source}`, onclick: () => void remove(doc.source) }, '删除'),
    );
  }

  function render({ documents, counts, ingest }) {
    list.replaceChildren(...documents.map(row));
    if (documents.length === 0) list.append(h('li', { class: 'documents__empty' }, '还没有文档：上传后即可提问。'));
    const running = progressText(ingest);
    progress.hidden = ingest.state !== 'running';
    if (ingest.progress && ingest.progress.filesTotal) {
      progress.max = ingest.progress.filesTotal;
      progress.value = ingest.progress.filesDone;
    } else progress.removeAttribute('value');
    if (running) say(running);
    else if (!status.classList.contains('documents-status--error')) say(`共 ${documents.length} 个文件：已索引 ${counts.indexed}，等待 ${counts.pending}，跳过 ${counts.skipped}${ingest.last?.error ? `。上次索引失败：${ingest.last.error}` : ''}`);
    return ingest.state === 'running' || ingest.queued || counts.pending > 0;
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const busy = render(await documentsApi.list());
      if (busy && !panel.hidden) timer = setTimeout(refresh, POLL_MS);
    } catch (error) {
      say(failure(error), true);
    }
  }

  async function upload(files) {
    if (files.length === 0) return;
    say(`正在上传 ${files.map((f) => f.name).join('、')}…`);
    try {
      const { documents } = await documentsApi.upload(files, replace.checked);
      say(`已上传 ${documents.map((d) => d.source).join('、')}，正在索引…`);
    } catch (error) {
      say(failure(error), true);
      return;
    } finally {
      picker.value = '';
    }
    await refresh();
  }

  async function remove(source) {
    if (!window.confirm(`删除「${source}」？它将不再用于回答。`)) return;
    try {
      await documentsApi.remove(source);
      say(`已删除 ${source}，正在更新索引…`);
    } catch (error) {
      say(failure(error), true);
      return;
    }
    await refresh();
  }

  function open(show) {
    panel.hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
    if (show) {
      status.classList.remove('documents-status--error');
      void refresh();
    } else clearTimeout(timer);
  }

  toggle.addEventListener('click', () => open(panel.hidden));
  byId('documents-close').addEventListener('click', () => open(false));
  picker.addEventListener('change', () => void upload([...picker.files]));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('is-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('is-over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('is-over');
    void upload([...(event.dataTransfer?.files ?? [])]);
  });
}

createDocumentsPanel();
