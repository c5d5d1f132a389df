import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusShape {
  /** Cut each copied document into files of about this many characters (at sentence ends); 0 keeps documents whole. */
  pieceChars?: number;
}

/**
 * A Chinese corpus of about `megabytes` MB made from the contexts in `sourceDirs`: each copy rotates every
 * file's sentences and renumbers its figures, so copies are not byte-identical and vocabulary varies.
 */
export async function syntheticCorpus(sourceDirs: string | string[], outDir: string, megabytes: number, shape: CorpusShape = {}): Promise<string> {
  if (existsSync(join(outDir, '.complete'))) return outDir;
  const files = [];
  for (const [d, dir] of [sourceDirs].flat().entries()) {
    for (const name of (await readdir(dir)).sort()) files.push({ name: `${d}-${name}`, text: await readFile(join(dir, name), 'utf8') });
  }
  const perCopy = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  const copies = Math.ceil((megabytes * 1024 * 1024) / perCopy);
  for (let copy = 0; copy < copies; copy++) {
    const dir = join(outDir, `copy-${String(copy).padStart(4, '0')}`);
    await mkdir(dir, { recursive: true });
    for (const { name, text } of files) {
      const sentences = text.split(/(?<=[。！？])/);
      const shift = copy % Math.max(1, sentences.length);
      const rotated = [...sentences.slice(shift), ...sentences.slice(0, shift)].join('');
      const renumbered = `第${copy + 1}版。\n${rotated.replace(/\d+/g, (d) => String(Number(d) + copy))}`;
      const pieces = shape.pieceChars ? cutAtSentences(renumbered, shape.pieceChars) : [renumbered];
      for (const [p, piece] of pieces.entries()) await writeFile(join(dir, pieces.length > 1 ? name.replace(/\.txt$/, `-${p}.txt`) : name), piece);
    }
  }
  await writeFile(join(outDir, '.complete'), '');
  return outDir;
}

/** `count` small documents, one CMRC context each (cycled, figures renumbered), 500 to a folder. */
export async function smallFilesCorpus(sourceDir: string, outDir: string, count: number): Promise<string> {
  if (existsSync(join(outDir, '.complete'))) return outDir;
  const texts = await Promise.all((await readdir(sourceDir)).sort().map((name) => readFile(join(sourceDir, name), 'utf8')));
  for (let i = 0; i < count; i++) {
    const dir = join(outDir, `part-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    await mkdir(dir, { recursive: true });
    const text = texts[i % texts.length]!.replace(/\d+/g, (d) => String(Number(d) + i));
    await writeFile(join(dir, `doc-${String(i).padStart(5, '0')}.txt`), `第${i + 1}号文档。\n${text}`);
  }
  await writeFile(join(outDir, '.complete'), '');
  return outDir;
}

/** Consecutive runs of whole sentences of about `size` characters (news-article sized files). */
function cutAtSentences(text: string, size: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const sentence of text.split(/(?<=[。！？])/)) {
    if (current.length >= size) {
      pieces.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current) pieces.push(current);
  return pieces;
}
