import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMRC_DIR, DEV_SET } from './paths.ts';

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

export const loadDevSet = (file = DEV_SET): DevItem[] => jsonl<DevItem>(file);
export const loadCmrc = (): CmrcItem[] => jsonl<CmrcItem>(join(CMRC_DIR, 'qa.jsonl'));
export const CMRC_CONTEXTS = join(CMRC_DIR, 'contexts');

