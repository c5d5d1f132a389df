/** Text from page images with the Tesseract command line (Debian: tesseract-ocr, tesseract-ocr-chi-sim, tesseract-ocr-chi-tra). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { isChinese } from './pdf-lines.ts';

const run = promisify(execFile);
/** Simplified and traditional Chinese, with English for the Latin words and numbers among them. */
const WANTED_LANGUAGES = ['chi_sim', 'chi_tra', 'eng'];
const OCR_TIMEOUT_MS = 120_000;

export interface Ocr {
  command: string;
  /** Tesseract languages in use, e.g. chi_sim+chi_tra+eng. */
  languages: string;
  read(image: Uint8Array): Promise<string>;
}

export function createOcr(command: string, languages: string): Ocr {
  return { command, languages, read: (image) => recognise(command, languages, image) };
}

/** Null when Tesseract or its Chinese data is not installed: scanned pages are then reported, not read. */
export async function detectOcr(command = 'tesseract'): Promise<Ocr | null> {
  let installed: string[];
  try {
    const { stdout } = await run(command, ['--list-langs'], { timeout: 10_000 });
    installed = stdout.split('\n').map((l) => l.trim());
  } catch {
    return null;
  }
  const languages = WANTED_LANGUAGES.filter((l) => installed.includes(l));
  if (!languages.some((l) => l.startsWith('chi'))) return null;
  return createOcr(command, languages.join('+'));
}

async function recognise(command: string, languages: string, image: Uint8Array): Promise<string> {
  const child = execFile(command, ['stdin', 'stdout', '-l', languages, '--psm', '6'], { timeout: OCR_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  const output = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`tesseract exited with code ${code}`))));
  });
  child.stdin!.end(image);
  return tidyOcrText(await output);
}

/** Tesseract sets Chinese glyphs apart with spaces and ends lines with blanks: join them back, one line per line. */
export function tidyOcrText(raw: string): string {
  return raw
    .split('\n')
    .map((line) => joinChinese(line.trim()))
    .filter((line) => line !== '')
    .join('\n');
}

function joinChinese(line: string): string {
  return line.replace(/ +/g, (spaces, at: number) => (isChinese(line[at - 1]) || isChinese(line[at + spaces.length]) ? '' : ' '));
}
