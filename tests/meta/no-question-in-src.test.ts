/** Product code must never hold the wording of an evaluation question: behaviour keyed to one wording does not generalise. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shared = resolve(process.env.SHARED_DIR ?? join(root, '..', 'shared'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every question of every set the project or the shared data holds, conversations' turns included. */
function questionStrings(): string[] {
  const sets = [
    ...filesUnder(join(root, 'eval')).filter((f) => f.endsWith('.jsonl')),
    ...[join(shared, 'eval', 'dev.jsonl'), join(shared, 'corpora', 'cmrc2018-trial', 'qa.jsonl'), join(shared, 'corpora', 'drcd-dev', 'qa.jsonl')].filter(existsSync),
  ];
  const out: string[] = [];
  for (const file of sets) {
    for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
      const item = JSON.parse(line) as { question?: string; turns?: { question: string }[] };
      if (item.question) out.push(item.question);
      for (const turn of item.turns ?? []) out.push(turn.question);
    }
  }
  // Without its closing punctuation, and long enough to be a wording rather than a common phrase.
  return [...new Set(out.map((q) => q.trim().replace(/[？?。！!\s]+$/u, '')).filter((q) => [...q].length >= 6))];
}

test('no question from any question set appears in src/', () => {
  const questions = questionStrings();
  assert.ok(questions.length > 50, `found only ${questions.length} questions to check`);
  const leaks: string[] = [];
  for (const file of filesUnder(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const q of questions) if (text.includes(q)) leaks.push(`${file.slice(root.length + 1)}: ${q}`);
  }
  assert.deepEqual(leaks, []);
});
