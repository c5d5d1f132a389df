import { readFile } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { describeEmbedder } from '../embeddings/factory.ts';
import type { Manifest } from '../index/manifest.ts';
import { TOKENIZER_NAME } from './from-config.ts';
import { settingsMismatch } from './previous-index.ts';
import { contentHash, scanSeeds } from './scan.ts';

/** Null when the seeds are what the index was built from, else what differs (for the log). */
export async function seedsChange(seedsDir: string, manifest: Manifest): Promise<string | null> {
  const files = await scanSeeds(seedsDir);
  const skipped = new Map(manifest.skipped.map((s) => [s.source, s.hash]));
  const known = new Set(Object.keys(manifest.files));
  for (const file of files) {
    if (skipped.has(file.source)) {
      // A skipped file counts as changed once its content differs (say, re-saved as UTF-8) or it becomes readable.
      const now = await readFile(file.path).then(contentHash, () => undefined);
      if (now !== skipped.get(file.source)) return `${file.source} changed`;
      continue;
    }
    const entry = manifest.files[file.source];
    if (!entry) return `${file.source} is new`;
    // Size and modification time as make and rsync use them; only a file whose time moved is read and hashed.
    const same = entry.bytes === file.bytes && (entry.modified === file.modified || entry.hash === contentHash(await readFile(file.path)));
    if (!same) return `${file.source} changed`;
    known.delete(file.source);
  }
  const gone = [...known][0];
  return gone ? `${gone} was removed` : null;
}

/** Null when the index was built with the configured chunking, tokenizer and embedder. */
export function settingsChange(manifest: Manifest, config: Config): string | null {
  return settingsMismatch(manifest, {
    embedder: describeEmbedder(config),
    chunking: { maxChars: config.CHUNK_SIZE, overlapSentences: config.CHUNK_OVERLAP_SENTENCES },
    tokenizer: TOKENIZER_NAME,
  });
}
