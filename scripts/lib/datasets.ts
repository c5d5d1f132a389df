import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CMRC_DIR, DEV_SET, PROJECT_ROOT, SHARED_DIR } from './paths.ts';

export interface DevItem {
  id: string;
  question: string;
  evidence: string[];
  answer_keywords: string[];
  answerable: boolean;
}

export interface CmrcItem {
  id: string;
  question: string;
  answers: string[];
  context_id: string;
}

function jsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

/** The held-out seed questions kept in the repository: what runs when the shared data is absent. */
export const REPO_SEED_QUESTIONS = join(PROJECT_ROOT, 'eval', 'seed-questions.jsonl');
export const CMRC_CONTEXTS = join(CMRC_DIR, 'contexts');

export const hasSharedDevSet = () => existsSync(DEV_SET);
export const hasCmrc = () => existsSync(join(CMRC_DIR, 'qa.jsonl')) && existsSync(CMRC_CONTEXTS);

/**
 * Says on stderr what data a script needs and where it goes, when `../shared` (or SHARED_DIR) lacks it, and
 * what the script does instead (`instead`), so that a fresh clone gets an explanation, not an ENOENT trace.
 */
export function explainMissingData(what: string, instead: string): void {
  console.error(
    [
      `Note: ${what} is not in ${SHARED_DIR}.`,
      `  The full evaluation data is a folder "shared" beside the project (or SHARED_DIR=<path>) holding eval/dev.jsonl,`,
      `  corpora/cmrc2018-trial/ (CMRC 2018 trial split, https://github.com/ymcui/cmrc2018) and corpora/drcd-dev/`,
      `  (DRCD dev, https://github.com/DRCKnowledgeTeam/DRCD), each as qa.jsonl — one {id, question, answers,`,
      `  context_id} a line — and contexts/<context_id>.txt.`,
      `  ${instead}`,
    ].join('\n'),
  );
}

/** `file`, or the shared dev set, or — without the shared data — the repository's seed questions. */
export function loadDevSet(file?: string): DevItem[] {
  if (file) return jsonl<DevItem>(file);
  if (hasSharedDevSet()) return jsonl<DevItem>(DEV_SET);
  explainMissingData('eval/dev.jsonl', `Using ${relative(PROJECT_ROOT, REPO_SEED_QUESTIONS)} instead.`);
  return jsonl<DevItem>(REPO_SEED_QUESTIONS);
}

export const loadCmrc = (): CmrcItem[] => jsonl<CmrcItem>(join(CMRC_DIR, 'qa.jsonl'));
