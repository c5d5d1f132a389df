/** The API key: kept in localStorage (this browser only) and sent as a Bearer token when set. */

export const STORAGE_KEY = 'zhida.apiKey';

function createStore() {
  let memory = '';
  return {
    read() {
      try {
        return localStorage.getItem(STORAGE_KEY) ?? '';
      } catch {
        return memory; // storage blocked (private mode, policy): keep the key for this page only
      }
    },
    write(value) {
      memory = value;
      try {
        if (value) localStorage.setItem(STORAGE_KEY, value);
        else localStorage.removeItem(STORAGE_KEY);
      } catch {
        // see read()
      }
    },
  };
}

/**
 * Wires the collapsible settings (`<details>`): save and clear the key, and `promptForKey` for a 401.
 * `onSaved` runs after a key is saved, e.g. to retry the question that was refused.
 */
export function createSettings({ details, form, input, clearButton, status, onSaved }) {
  const store = createStore();
  input.value = store.read();

  function describe(message) {
    status.textContent = message ?? (store.read() ? '已保存密钥（仅保存在本浏览器）。' : '未设置密钥。服务不要求密钥时可留空。');
  }
  describe();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    input.value = key;
    store.write(key);
    input.removeAttribute('aria-invalid');
    describe(key ? '已保存密钥（仅保存在本浏览器）。' : '已清除密钥。');
    if (key) onSaved?.();
  });

  clearButton.addEventListener('click', () => {
    input.value = '';
    store.write('');
    describe('已清除密钥。');
    input.focus();
  });

  return {
    apiKey: () => store.read(),
    /** Opens the settings, says why, and puts the cursor in the key field. */
    promptForKey(message) {
      details.open = true;
      input.setAttribute('aria-invalid', 'true');
      describe(message);
      input.focus();
      input.select();
    },
  };
}
