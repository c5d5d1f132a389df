import { ApiError } from './api.js';
import { STORAGE_KEY } from './settings.js';

/** The API key saved in the settings, read on every request (the settings may change it at any time). */
function authorization() {
  try {
    const key = localStorage.getItem(STORAGE_KEY);
    return key ? { authorization: `Bearer ${key}` } : {};
  } catch {
    return {};
  }
}

async function request(url, init = {}) {
  let response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...authorization(), ...(init.headers ?? {}) } });
  } catch (error) {
    throw new ApiError('NETWORK', String(error?.message ?? error));
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const code = body?.error?.code ?? `HTTP_${response.status}`;
    throw new ApiError(code, String(body?.error?.message ?? response.statusText), response.status);
  }
  return body;
}

/** /v1/documents: the list with the ingest's progress, uploads (multipart) and deletions. */
export const documentsApi = {
  list: () => request('/v1/documents'),
  upload(files, replace) {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    return request(`/v1/documents?replace=${replace ? 'true' : 'false'}`, { method: 'POST', body: form });
  },
  remove: (source) => request(`/v1/documents/${encodeURIComponent(source)}`, { method: 'DELETE' }),
};
