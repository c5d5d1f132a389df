import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The shared evaluation data sits beside the project; SHARED_DIR points elsewhere. */
export const SHARED_DIR = resolve(process.env.SHARED_DIR ?? resolve(PROJECT_ROOT, '..', 'shared'));
export const SEED_DIR = resolve(PROJECT_ROOT, 'seeds');
export const DEV_SET = resolve(SHARED_DIR, 'eval', 'dev.jsonl');
export const CMRC_DIR = resolve(SHARED_DIR, 'corpora', 'cmrc2018-trial');
