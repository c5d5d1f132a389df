import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A Chinese corpus of about `megabytes` MB made from the CMRC contexts: each copy rotates every
 * file's sentences and renumbers its figures, so copies are not byte-identical and vocabulary varies.
 */
export async function syntheticCorpus(sourceDir: string, outDir: string, megabytes: number): Promise<string> {
  if (existsSync(join(outDir, '.complete'))) return outDir;
  const files = await Promise.all((await readdir(sourceDir)).sort().map(async (name) => ({ name, text: await readFile(join(sourceDir, name), 'utf8') })));
  const perCopy = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  const copies = Math.ceil((megabytes * 1024 * 1024) / perCopy);
  for (let copy = 0; copy < copies; copy++) {
    const dir = join(outDir, `copy-${String(copy).padStart(4, '0')}`);
    await mkdir(dir, { recursive: true });
    for (const { name, text } of files) {
      const sentences = text.split(/(?<=[。！？])/);
      const shift = copy % Math.max(1, sentences.length);
      const rotated = [...sentences.slice(shift), ...sentences.slice(0, shift)].join('');
      await writeFile(join(dir, name), `第${copy + 1}版。\n${rotated.replace(/\d+/g, (d) => String(Number(d) + copy))}`);
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
