import type { FastifyInstance } from 'fastify';
import { parseConfig, type Config } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { manageDocuments } from '../../src/server/documents/live-update.ts';
import { makeSeeds } from '../ingest/fixtures.ts';
import { inProcessLive, liveAppOptions } from '../serving/in-process-live.ts';
import { tempDir } from '../support/temp-dir.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The real service over a fresh documents folder holding `files`, with document management wired as `npm start` does. */
export async function documentsApp(files: Record<string, string | Uint8Array>, env: Record<string, string> = {}): Promise<{ app: FastifyInstance; config: Config; seeds: string }> {
  const seeds = await makeSeeds(files);
  const config = parseConfig({ SEEDS_DIR: seeds, INDEX_DIR: await tempDir('index-'), EMBEDDING_DIM: '64', RATE_LIMIT_MAX: '100000', ...env });
  const live = inProcessLive(config);
  await live.start();
  const documents = manageDocuments(config, quiet, live);
  const app = await buildApp({ config, ...liveAppOptions(live), documents: () => documents, logger: false });
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
