/**
 * The same questions over the seed document as text, as a PDF and as a Word file (the committed fixtures made by
 * npm run fixtures:documents), each through the real HTTP service: keyword coverage per format, exact offsets
 * (checked against /v1/context) and, for the PDF, whether each citation's page is the page its text is printed on.
 * The page check reads each page's raw text layer with pdfjs, independently of the product's layout step.
 * Then the fixtures' own questions (tests/fixtures/documents/questions.json): the handbook PDF's answers and their
 * pages, and the scanned notice answered from OCR (Tesseract must be installed for it).
 * Usage: npm run eval:formats [-- --set eval/seed-questions.jsonl] (default: the held-out set and the shared dev set)
 */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { parseConfig } from '../src/config.ts';
import { foldRadicals } from '../src/ingest/readers/pdf-lines.ts';
import { isLatinScript } from '../src/answer/question-analysis.ts';
import { normaliseForMatch } from '../src/text/normalise.ts';
import type { AskResponse, Citation, PassageContext } from '../src/types.ts';
import { loadDevSet, type DevItem } from './lib/datasets.ts';
import { fmt, stripSpaces } from './lib/metrics.ts';
import { PROJECT_ROOT, SEED_DIR } from './lib/paths.ts';
import { serveTemp } from './lib/serve-temp.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'documents');
const FIXTURE_QUESTIONS = JSON.parse(await readFile(join(FIXTURES, 'questions.json'), 'utf8')) as Record<string, { question: string; page: number; keyword: string }[]>;
const FORMATS = [
  { name: 'text', file: join(SEED_DIR, '000_dcbe81f0de4cc422.txt'), as: 'seed.txt' },
  { name: 'PDF', file: join(FIXTURES, 'seed-000.pdf'), as: 'seed.pdf' },
  { name: 'DOCX', file: join(FIXTURES, 'seed-000.docx'), as: 'seed.docx' },
];

const setAt = process.argv.indexOf('--set');
const items: DevItem[] = (setAt > 0 ? loadDevSet(process.argv[setAt + 1]) : [...loadDevSet(join(PROJECT_ROOT, 'eval', 'seed-questions.jsonl')), ...loadDevSet()]).filter(
  (d) => d.answerable && !isLatinScript(d.question),
);

/** Each page's raw text layer, spaces removed: what is printed on it, without the product's layout step. */
async function printedPages(pdf: string): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(await readFile(pdf)), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(normaliseForMatch(foldRadicals(content.items.map((i) => (i as TextItem).str ?? '').join('')).replace(/\s+/g, '')));
  }
  return pages;
}

/** The citation starts on `page` when the start of its text is printed there (possibly running on to the next page). */
function startsOnPage(citation: Citation, pages: string[]): boolean {
  const head = normaliseForMatch(stripSpaces(citation.text)).slice(0, 12);
  const page = citation.page ?? 0;
  const here = pages[page - 1] ?? '';
  if (here.includes(head)) return true;
  const across = here + (pages[page] ?? '');
  const at = across.indexOf(head);
  return at >= 0 && at < here.length;
}

/** The service over a folder holding just `file`, as `name`. */
async function serveOne(file: string, name: string) {
  const seeds = await mkdtemp(join(tmpdir(), 'zhida-formats-seeds-'));
  await copyFile(file, join(seeds, name));
  const config = parseConfig({ ...process.env, SEEDS_DIR: seeds, INDEX_DIR: await mkdtemp(join(tmpdir(), 'zhida-formats-index-')), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000' });
  return serveTemp(config);
}

async function ask(url: string, question: string): Promise<AskResponse> {
  const res = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  return (await res.json()) as AskResponse;
}

const printed = await printedPages(FORMATS[1]!.file);
const results: { name: string; coverage: number; offsets: string; pages?: string }[] = [];
for (const format of FORMATS) {
  const { app, url } = await serveOne(format.file, format.as);
  let hits = 0, offsetsExact = 0, offsetsTotal = 0, pagesRight = 0, pagesTotal = 0;
  for (const item of items) {
    const body = await ask(url, item.question);
    const answer = normaliseForMatch(body.answer);
    if (body.status === 'answered' && item.answer_keywords.every((k) => answer.includes(normaliseForMatch(k)))) hits++;
    for (const c of body.citations) {
      offsetsTotal++;
      const query = new URLSearchParams({ source: c.source, start: String(c.start), end: String(c.end), window: '0' });
      const context = (await (await fetch(`${url}/v1/context?${query}`)).json()) as PassageContext;
      if (context.text === c.text) offsetsExact++;
      if (format.name === 'PDF') {
        pagesTotal++;
        if (startsOnPage(c, printed)) pagesRight++;
      }
    }
  }
  await app.close();
  results.push({ name: format.name, coverage: hits / items.length, offsets: `${offsetsExact}/${offsetsTotal}`, ...(pagesTotal ? { pages: `${pagesRight}/${pagesTotal} (${fmt(pagesRight / pagesTotal)})` } : {}) });
}

const text = results[0]!.coverage;
console.log(`| format | keyword coverage (n=${items.length}) | vs text | offsets exact | PDF citations on the right page |\n|---|---|---|---|---|`);
for (const r of results) console.log(`| ${r.name} | ${fmt(r.coverage)} | ${r.name === 'text' ? '—' : (r.coverage - text >= 0 ? '+' : '') + fmt(r.coverage - text)} | ${r.offsets} | ${r.pages ?? '—'} |`);

console.log(`\n| fixture | questions answered with the keyword | cited on the expected page | citations marked ocr |\n|---|---|---|---|`);
for (const [name, questions] of Object.entries(FIXTURE_QUESTIONS)) {
  const { app, url } = await serveOne(join(FIXTURES, name), name);
  let answered = 0, onPage = 0, citations = 0, ocr = 0;
  for (const { question, page, keyword } of questions) {
    const body = await ask(url, question);
    if (body.status === 'answered' && body.answer.includes(keyword)) answered++;
    if (body.citations.find((c) => c.text.includes(keyword))?.page === page) onPage++;
    citations += body.citations.length;
    ocr += body.citations.filter((c) => c.ocr).length;
  }
  await app.close();
  console.log(`| ${name} | ${answered}/${questions.length} | ${onPage}/${questions.length} | ${ocr}/${citations} |`);
}
