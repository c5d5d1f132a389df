/**
 * The external reading-comprehension data the answerer learns from (DRCD dev, traditional; CMRC 2018 trial,
 * simplified), split by paragraph into parts that are fitted on, used to choose the threshold, and only
 * measured on. The split is a hash of the paragraph id, so it never changes between runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CMRC_DIR, SHARED_DIR } from './paths.ts';

export const DRCD_DIR = resolve(SHARED_DIR, 'corpora', 'drcd-dev');

export type Part = 'fit' | 'calibrate' | 'test';

export interface ReadingQuestion {
  id: string;
  dataset: 'cmrc' | 'drcd';
  question: string;
  answers: string[];
  /** The paragraph's file name (its `source` once indexed). */
  source: string;
  contextFile: string;
}

/** 60% of paragraphs to fit on, 20% to choose the threshold on, 20% to report on. */
export function partOf(contextId: string): Part {
  const bucket = createHash('sha256').update(contextId).digest().readUInt32BE(0) % 10;
  return bucket < 6 ? 'fit' : bucket < 8 ? 'calibrate' : 'test';
}

function load(dataset: 'cmrc' | 'drcd', dir: string): ReadingQuestion[] {
  return readFileSync(join(dir, 'qa.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; question: string; answers: string[]; context_id: string })
    .filter((q) => q.question.trim() && q.answers.some((a) => a.trim()))
    .map((q) => ({ id: q.id, dataset, question: q.question, answers: q.answers, source: `${q.context_id}.txt`, contextFile: join(dir, 'contexts', `${q.context_id}.txt`) }));
}

export function readingQuestions(): ReadingQuestion[] {
  return [...load('cmrc', CMRC_DIR), ...load('drcd', DRCD_DIR)];
}

/** Whether half-split `indexed` holds a paragraph: every other paragraph of a part, by sorted id. */
export function halves(sources: readonly string[]): Set<string> {
  return new Set([...new Set(sources)].sort().filter((_, i) => i % 2 === 0));
}
