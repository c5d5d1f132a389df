import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './fixtures.ts';

/** The committed documents (made by npm run fixtures:documents) and the text expected from each. */
export const DOCUMENTS_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'documents');

export const documentBytes = (name: string) => readFile(join(DOCUMENTS_DIR, name));
export const expectedText = (name: string) => readFile(join(DOCUMENTS_DIR, `${name}.expected.txt`), 'utf8');

export interface FixtureQuestion {
  question: string;
  /** The page the answer is printed on. */
  page: number;
  /** A word the answer must hold. */
  keyword: string;
}

/** Questions over a fixture document, with the page of their answer (tests/fixtures/documents/questions.json). */
export async function fixtureQuestions(name: 'handbook.pdf' | 'scanned-notice.pdf'): Promise<FixtureQuestion[]> {
  return (JSON.parse(await readFile(join(DOCUMENTS_DIR, 'questions.json'), 'utf8')) as Record<string, FixtureQuestion[]>)[name]!;
}
