import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '../../src/config.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import type { IngestReport } from '../../src/ingest/progress.ts';
import { openRetriever, type OpenedRetriever } from '../../src/retrieval/open-retriever.ts';
import type { Tokenizer } from '../../src/types.ts';

const quiet = { info: () => undefined, warn: (m: string) => console.error(`warning: ${m}`) };

/** Builds an index of `seedsDir` in a fresh temporary folder with the given settings. */
export async function buildTempIndex(
  seedsDir: string,
  tokenizer: Tokenizer,
  overrides: Record<string, string> = {},
): Promise<OpenedRetriever & { config: Config; report: IngestReport; dispose(): Promise<void> }> {
  const indexDir = await mkdtemp(join(tmpdir(), 'zhida-index-'));
  const config = parseConfig({ ...process.env, ...overrides, SEEDS_DIR: seedsDir, INDEX_DIR: indexDir });
  const report = await buildIndex(ingestOptionsFromConfig(config, quiet, tokenizer));
  const opened = await openRetriever(config, tokenizer);
  return { ...opened, config, report, dispose: () => rm(indexDir, { recursive: true, force: true }) };
}
