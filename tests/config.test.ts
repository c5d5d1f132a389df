import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { ConfigError, configSchema, parseConfig } from '../src/config.ts';

test('every configuration key is documented in .env.example', () => {
  const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
  const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
  assert.deepEqual(Object.keys(configSchema.shape).filter((key) => !documented.has(key)), []);
  assert.deepEqual([...documented].filter((key) => !(key! in configSchema.shape)), []);
});

test('defaults need no key and no download', () => {
  const config = parseConfig({});
  assert.equal(config.EMBEDDINGS, 'local');
  assert.equal(config.llmEnabled, false);
  assert.equal(config.SEEDS_DIR, './seeds');
  assert.ok(Object.isFrozen(config));
});

test('each bad value is reported on its own line, naming the key', () => {
  try {
    parseConfig({ PORT: 'eighty', CHUNK_SIZE: '10', EMBEDDINGS: 'bert', OPENAI_BASE_URL: 'not a url' });
    assert.fail('expected a ConfigError');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.deepEqual(error.issues.map((line) => line.split('=')[0]).sort(), ['CHUNK_SIZE', 'EMBEDDINGS', 'OPENAI_BASE_URL', 'PORT']);
  }
});

test('an LLM is on only with a model and a key or base URL; empty values count as unset', () => {
  assert.equal(parseConfig({ LLM_MODEL: 'qwen-plus' }).llmEnabled, false);
  assert.equal(parseConfig({ LLM_MODEL: 'qwen-plus', OPENAI_API_KEY: 'k' }).llmEnabled, true);
  assert.equal(parseConfig({ LLM_MODEL: 'llama3', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).llmEnabled, true);
  assert.equal(parseConfig({ LLM_MODEL: '', OPENAI_API_KEY: '' }).llmEnabled, false);
  assert.throws(() => parseConfig({ EMBEDDINGS: 'openai' }), ConfigError);
});
