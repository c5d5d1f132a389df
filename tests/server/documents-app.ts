import type { FastifyInstance } from 'fastify';
import { parseConfig, type Config } from '../../src/config.ts';
import { buildIndex } from '../../src/ingest/build-index.ts';
import { ingestOptionsFromConfig } from '../../src/ingest/from-config.ts';
import { buildApp } from '../../src/server/app.ts';
import { manageDocuments } from '../../src/server/documents/live-update.ts';
import { LiveEngine } from '../../src/serving/live-engine.ts';
import { JiebaTokenizer } from '../../src/text/jieba.ts';
import { makeSeeds } from '../ingest/fixtures.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const tokenizer = new JiebaTokenizer();

/** The real service over a fresh documents folder holding `files`, with document management wired as `npm start` does. */
export async function documentsApp(files: Record<string, string | Uint8Array>, env: Record<string, string> = {}): Promise<{ app: FastifyInstance; config: Config; seeds: string }> {
  const seeds = await makeSeeds(files);
  const config = parseConfig({ SEEDS_DIR: seeds, INDEX_DIR: await mkdtemp(join(tmpdir(), 'index-')), EMBEDDING_DIM: '64', RATE_LIMIT_MAX: '100000', ...env });
  // Ingest runs in-process here (as a child process under `npm start`): the same buildIndex, without a process start per run.
  const live = new LiveEngine(config, quiet, { tokenizer, ingest: (c, run) => buildIndex({ ...ingestOptionsFromConfig(c, quiet, tokenizer), full: run.full, onProgress: (p) => run.onProgress?.(p) }), pollMs: 100 });
  await live.start();
  const documents = manageDocuments(config, quiet, live);
  const app = await buildApp({
    config,
    qa: () => live.current()?.qa,
    lease: () => live.acquire(),
    indexStatus: () => live.status(),
    refreshIndex: (reason, options) => live.refresh(reason, options),
    onClose: () => live.close(),
    documents: () => documents,
    logger: false,
  });
  return { app, config, seeds };
}

/** A multipart/form-data body with the given files, as a browser would send it. */
export async function multipartBody(files: Record<string, string | Uint8Array>): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, content] of Object.entries(files)) form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

/** Waits until no ingest runs or is queued (bounded). */
export async function ingestSettled(app: FastifyInstance, headers: Record<string, string> = {}, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await app.inject({ method: 'GET', url: '/v1/documents/status', headers })).json() as { state: string; queued: boolean };
    if (status.state === 'idle' && !status.queued) return;
    if (Date.now() > deadline) throw new Error('ingest did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
