/** Question sets for answer evaluation: one JSON object a line, with optional `source`, `kind` and `style`. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface SetItem {
  id: string;
  question: string;
  answerable: boolean;
  evidence: string[];
  answer_keywords: string[];
  kind?: string;
  style?: string;
  /** The document the question is about, when the set spans several. */
  source?: string;
}

export interface QuestionSet {
  name: string;
  /** Held-out sets are reported, never looked into while developing. */
  heldOut: boolean;
  items: SetItem[];
}

export function loadSet(file: string): QuestionSet {
  const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as SetItem);
  const name = basename(file).replace(/\.jsonl$/, '');
  return { name, heldOut: /heldout/.test(name), items };
}
