import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  DEFAULT_PROMPTS_DIR,
  fillTemplate,
  NO_ANSWER_SENTINEL,
  placeholdersOf,
  PromptError,
  PromptLibrary,
  prompts,
} from '../../src/answer/prompts.ts';

describe('prompt files', () => {
  it('live in prompts/ at the project root, with the placeholders the code fills', () => {
    assert.equal(DEFAULT_PROMPTS_DIR, join(import.meta.dirname, '../../prompts/'));
    assert.deepEqual(placeholdersOf(prompts.template('answer-system')), []);
    assert.deepEqual(placeholdersOf(prompts.template('answer-user')), ['passages', 'question']);
    assert.deepEqual(placeholdersOf(prompts.template('rewrite-question')), ['history', 'question']);
  });

  it('name the no-answer sentinel the code detects', () => {
    assert.match(prompts.template('answer-system'), new RegExp(`\`${NO_ANSWER_SENTINEL}\``));
  });

  it('render the user prompt with the passages and the question', () => {
    const text = prompts.render('answer-user', { passages: '[1]\n发展无人驾驶等人工智能产品。', question: '贵州要发展哪些人工智能产品？' });
    assert.equal(text, 'Passages:\n\n[1]\n发展无人驾驶等人工智能产品。\n\nQuestion: 贵州要发展哪些人工智能产品？');
  });
});

describe('fillTemplate', () => {
  it('fills in one pass, so a value holding {{…}} stays as written', () => {
    assert.equal(fillTemplate('Q: {{ question }} P: {{passages}}', { question: '{{passages}}', passages: 'x' }), 'Q: {{passages}} P: x');
  });

  it('names a placeholder that has no value', () => {
    assert.throws(
      () => fillTemplate('{{passages}} {{question}}', { passages: 'p' }, 'answer-user'),
      (error: unknown) => error instanceof PromptError && error.message === 'Prompt "answer-user" has placeholder(s) with no value: {{question}}',
    );
  });

  it('names a value whose placeholder is missing from the template', () => {
    assert.throws(
      () => fillTemplate('{{passages}}', { passages: 'p', question: 'q' }, 'answer-user'),
      (error: unknown) =>
        error instanceof PromptError && error.message === 'Prompt "answer-user" lacks placeholder(s) {{question}}: restore them in the template',
    );
  });
});

describe('PromptLibrary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names the missing file', () => {
    const library = new PromptLibrary(dir);
    assert.throws(
      () => library.template('answer-system'),
      (error: unknown) => error instanceof PromptError && error.message === `Prompt file missing or unreadable: ${join(dir, 'answer-system.md')}`,
    );
  });

  it('reads a file once and keeps it', () => {
    const path = join(dir, 'rewrite-question.md');
    writeFileSync(path, '{{history}}\n{{question}}\n');
    const library = new PromptLibrary(dir);
    assert.equal(library.render('rewrite-question', { history: 'h', question: 'q' }), 'h\nq');
    writeFileSync(path, 'changed {{question}}');
    assert.equal(library.render('rewrite-question', { history: 'h', question: 'q' }), 'h\nq');
  });

  it('refuses an empty file', () => {
    writeFileSync(join(dir, 'answer-user.md'), '  \n');
    assert.throws(() => new PromptLibrary(dir).template('answer-user'), { name: 'PromptError', message: `Prompt file is empty: ${join(dir, 'answer-user.md')}` });
  });
});
