/**
 * Ingest time of a 200-page Chinese PDF with a text layer (printed by Debian's chromium from the CMRC contexts, with a
 * running header and page numbers), from scratch in its own process, three runs. Usage: npm run bench:pdf [-- pages]
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CMRC_CONTEXTS } from './lib/datasets.ts';
import { PROJECT_ROOT } from './lib/paths.ts';

const PAGES = Number(process.argv[2] ?? 200);
const RUNS = 3;
/** Characters per A4 page at 11 pt: the sheet is filled without overflowing onto a second page. */
const CHARS_PER_PAGE = 900;

async function corpusText(): Promise<string> {
  const names = (await readdir(CMRC_CONTEXTS)).sort();
  const texts = await Promise.all(names.map((n) => readFile(join(CMRC_CONTEXTS, n), 'utf8')));
  return texts.join('').replace(/\s+/g, '');
}

async function makePdf(dir: string): Promise<string> {
  const text = await corpusText();
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheets = Array.from({ length: PAGES }, (_, i) => {
    const from = (i * CHARS_PER_PAGE) % Math.max(1, text.length - CHARS_PER_PAGE);
    const body = text.slice(from, from + CHARS_PER_PAGE).replace(/(.{300}[^。]*。)/g, '$1\n');
    const paragraphs = body.split('\n').map((p) => `<p>${escape(p)}</p>`).join('');
    return `<div class="sheet"><div class="header">中文阅读理解语料汇编</div><h2>第${i + 1}节</h2>${paragraphs}<div class="footer">第 ${i + 1} 页</div></div>`;
  });
  const style = `@page { size: A4; margin: 18mm; } body { font-family: 'Noto Serif CJK SC'; font-size: 11pt; line-height: 1.6; margin: 0; }
    .sheet { height: 255mm; position: relative; break-after: page; } p { text-indent: 2em; margin: 0 0 0.5em; }
    .header { font-size: 8pt; text-align: center; } .footer { position: absolute; bottom: 0; width: 100%; text-align: center; font-size: 8pt; }`;
  const html = join(dir, 'book.html');
  await writeFile(html, `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>${style}</style><body>${sheets.join('')}</body></html>`);
  const seeds = join(dir, 'seeds');
  await mkdir(seeds);
  const pdf = join(seeds, 'book.pdf');
  execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`], { stdio: 'ignore' });
  return seeds;
}

interface ChildResult {
  seconds: number;
  bytes: number;
  chunks: number;
  maxRssMB: number;
}

function ingestInChild(seedsDir: string, indexDir: string): ChildResult {
  const out = execFileSync(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', join(PROJECT_ROOT, 'scripts/lib/ingest-child.ts'), '--full'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEEDS_DIR: seedsDir, INDEX_DIR: indexDir },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

const work = await mkdtemp(join(tmpdir(), 'zhida-bench-pdf-'));
const seeds = await makePdf(work);
const pdfBytes = await readFile(join(seeds, 'book.pdf'));
const pages = (await getDocument({ data: new Uint8Array(pdfBytes) }).promise).numPages;
const runs: ChildResult[] = [];
for (let run = 0; run < RUNS; run++) runs.push(ingestInChild(seeds, await mkdtemp(join(work, 'index-'))));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`| PDF | pages | MB | chunks | ingest s (median of ${RUNS}) | runs s | peak RSS MB |\n|---|---|---|---|---|---|---|`);
console.log(
  `| ${PAGES}-page text PDF | ${pages} | ${(pdfBytes.length / 1024 / 1024).toFixed(1)} | ${runs[0]!.chunks} | ${median(runs.map((r) => r.seconds)).toFixed(1)} | ${runs.map((r) => r.seconds.toFixed(1)).join(', ')} | ${median(runs.map((r) => r.maxRssMB)).toFixed(0)} |`,
);
await rm(work, { recursive: true, force: true });
