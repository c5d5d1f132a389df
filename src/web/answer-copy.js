import { fileName, sectionPath } from './dom.js';

/** An answer as plain text to paste elsewhere: the text with its [n] markers, then what each [n] cites. */
export function answerAsText(response) {
  const sources = response.citations.map((c) => `[${c.n}] ${[fileName(c.source), sectionPath(c.section)].filter(Boolean).join(' › ')}：${c.text.trim()}`);
  return sources.length > 0 ? `${response.answer}\n\n${sources.join('\n')}` : response.answer;
}

/**
 * Copies `text`: the Clipboard API where the page may use it (https or localhost), else a selected text
 * area and the copy command, which plain-http addresses on a LAN still allow.
 */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}
