/**
 * Writes the committed document fixtures in tests/fixtures/documents: PDFs printed by Debian's chromium, a
 * scanned page (a screenshot wrapped in a PDF, so it has no text layer), DOCX files written with `docx`, and
 * Big5 / UTF-16 texts. Usage: npm run fixtures:documents (needs /usr/bin/chromium and fonts-noto-cjk).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { detectHeadings } from '../src/chunking/headings.ts';
import { PROJECT_ROOT, SEED_DIR } from './lib/paths.ts';
import { HANDBOOK, SCANNED_PAGE, type HandbookBlock } from './lib/document-fixture-content.ts';

const OUT = join(PROJECT_ROOT, 'tests', 'fixtures', 'documents');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const work = await mkdtemp(join(tmpdir(), 'fixtures-'));

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function chromium(args: string[]): void {
  execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', ...args], { stdio: 'ignore' });
}

async function printPdf(name: string, html: string): Promise<void> {
  const page = join(work, `${name}.html`);
  await writeFile(page, html);
  chromium([`--print-to-pdf=${join(OUT, name)}`, `file://${page}`]);
}

const PAGE_STYLE = `
  @page { size: A5; margin: 14mm 12mm; }
  body { font-family: 'Noto Serif CJK SC'; font-size: 11pt; line-height: 1.6; margin: 0; }
  p { margin: 0 0 0.6em; text-indent: 2em; }
  .sheet { height: 180mm; position: relative; break-after: page; }
  .header { font-size: 8pt; text-align: center; border-bottom: 1px solid #999; margin-bottom: 6mm; }
  .footer { position: absolute; bottom: 0; width: 100%; font-size: 8pt; text-align: center; }
  h1 { font-size: 20pt; text-align: center; margin: 4mm 0; }
  h2 { font-size: 15pt; margin: 3mm 0; }
`;

/** A handbook of several pages: a running header, a page number footer, headings by size and by numbering. */
function handbookHtml(): string {
  const block = (b: HandbookBlock) => (b.kind === 'p' ? `<p>${escape(b.text)}</p>` : `<${b.kind}>${escape(b.text)}</${b.kind}>`);
  const sheets = HANDBOOK.map(
    (blocks, i) => `<div class="sheet"><div class="header">某市数据管理局　数据管理工作手册（2025年版）</div>${blocks.map(block).join('')}<div class="footer">— ${i + 1} —</div></div>`,
  );
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>${PAGE_STYLE}</style><body>${sheets.join('')}</body></html>`;
}

/** Every line of a text document as its own paragraph, the way a text is typically laid out for print. */
function textAsHtml(text: string): string {
  const paragraphs = text.split('\n').filter((line) => line.trim()).map((line) => `<p>${escape(line)}</p>`);
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>@page { size: A4; margin: 20mm; } body { font-family: 'Noto Serif CJK SC'; font-size: 11pt; line-height: 1.6; } p { margin: 0 0 0.5em; }</style><body>${paragraphs.join('')}</body></html>`;
}

async function scannedPdf(): Promise<void> {
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>body { margin: 40px; font-family: 'Noto Sans CJK SC'; font-size: 28px; line-height: 1.8; background: #fff; }</style><body>${SCANNED_PAGE.map((l) => `<div>${escape(l)}</div>`).join('')}</body></html>`;
  const page = join(work, 'scan.html');
  const png = join(work, 'scan.png');
  await writeFile(page, html);
  chromium([`--screenshot=${png}`, '--window-size=1100,700', '--hide-scrollbars', `file://${page}`]);
  const image = (await readFile(png)).toString('base64');
  await printPdf('scanned-notice.pdf', `<!doctype html><html><style>@page { size: A4 landscape; margin: 10mm; } body { margin: 0; } img { width: 100%; }</style><body><img src="data:image/png;base64,${image}"></body></html>`);
}

function handbookDocx(): Document {
  const children: (Paragraph | Table)[] = [];
  for (const blocks of HANDBOOK) {
    for (const b of blocks) {
      if (b.kind === 'h1') children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }));
      else if (b.kind === 'h2') children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 }));
      else children.push(new Paragraph({ children: [new TextRun(b.text)] }));
    }
  }
  children.push(new Paragraph({ text: '数据安全责任分工', heading: HeadingLevel.HEADING_2 }));
  for (const item of ['数据管理员负责日常备份', '安全专员负责权限审查', '部门负责人对本部门数据安全负总责']) {
    children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
  }
  const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
  children.push(new Table({ rows: [row(['数据级别', '保存期限']), row(['核心数据', '永久保存']), row(['重要数据', '十年'])] }));
  return new Document({ sections: [{ children }] });
}

/** The seed text as a Word file: each line a paragraph, its heading lines styled Heading 1–6 by their level. */
function seedDocx(text: string): Document {
  const levels = new Map(detectHeadings(text, 'txt').map((h) => [h.start, h.level]));
  const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  const children: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const level = levels.get(offset);
    if (line.trim()) children.push(level ? new Paragraph({ text: line, heading: HEADINGS[Math.min(level, 6) - 1]! }) : new Paragraph(line));
    offset += line.length + 1;
  }
  return new Document({ sections: [{ children }] });
}

const seed = await readFile(join(SEED_DIR, '000_dcbe81f0de4cc422.txt'), 'utf8');
await printPdf('handbook.pdf', handbookHtml());
await printPdf('seed-000.pdf', textAsHtml(seed));
await scannedPdf();
await writeFile(join(OUT, 'handbook.docx'), await Packer.toBuffer(handbookDocx()));
await writeFile(join(OUT, 'seed-000.docx'), await Packer.toBuffer(seedDocx(seed)));

const traditional = '第一條　為規範政府資料開放，促進資料共享，制定本辦法。\n第二條　本辦法所稱資料，是指行政機關在履行職責過程中製作或者取得的資料。\n';
// Big5 by the platform's own encoder is unavailable (TextEncoder is UTF-8 only): iconv from Debian's libc does it.
execFileSync('iconv', ['-f', 'UTF-8', '-t', 'BIG5', '-o', join(OUT, 'big5.txt')], { input: traditional });
const simplified = '第一条　数据开放应当遵循公平、公正、便民的原则。\n第二条　开放数据每季度更新一次。\n';
await writeFile(join(OUT, 'utf16le-bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(simplified, 'utf16le')]));
await writeFile(join(OUT, 'utf16be.txt'), Buffer.from(simplified, 'utf16le').swap16());
await writeFile(join(OUT, 'utf16le.txt'), Buffer.from(simplified, 'utf16le'));
await rm(work, { recursive: true, force: true });
console.log(`Fixtures written to ${OUT}`);
