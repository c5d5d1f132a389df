/**
 * The conversation kept in localStorage, so a reload (or a closed tab) brings it back: finished exchanges as
 * `{ question, response }`, the response as the server settled it. Only this browser keeps it.
 */
const STORAGE_KEY = 'zhida.conversation';
/** Older exchanges are dropped so the stored conversation stays small. */
const MAX_EXCHANGES = 50;

function readable(exchange) {
  return typeof exchange?.question === 'string' && typeof exchange?.response?.answer === 'string' && Array.isArray(exchange.response.citations);
}

export function loadConversation() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter(readable) : [];
  } catch {
    // Storage blocked or a damaged value: start afresh.
    return [];
  }
}

export function saveConversation(exchanges) {
  try {
    if (exchanges.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(exchanges.slice(-MAX_EXCHANGES)));
  } catch {
    // Storage full or blocked: the conversation simply is not kept.
  }
}
