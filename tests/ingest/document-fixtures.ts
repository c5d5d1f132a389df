import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './fixtures.ts';

/** The committed documents (made by npm run fixtures:documents) and the text expected from each. */
export const DOCUMENTS_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'documents');

export const documentBytes = (name: string) => readFile(join(DOCUMENTS_DIR, name));
export const expectedText = (name: string) => readFile(join(DOCUMENTS_DIR, `${name}.expected.txt`), 'utf8');
