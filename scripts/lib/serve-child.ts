/**
 * Serves the benchmark targets in their own process, so the load generator does not share their event loop:
 * the real service over a fresh index of SEEDS_DIR (built into the empty INDEX_DIR), and a bare Fastify app.
 * Usage: node --import tsx scripts/lib/serve-child.ts <seedsDir> <indexDir>
 * Prints one JSON line `{ "service": url, "uncached": url, "bare": url }` once all listen; stops on SIGTERM/SIGINT or when stdin closes.
 */
import { parseConfig } from '../../src/config.ts';
import { startBareServer } from './bare-server.ts';
import { serveTemp } from './serve-temp.ts';

const [seedsDir, indexDir] = process.argv.slice(2);
if (!seedsDir || !indexDir) throw new Error('usage: serve-child.ts <seedsDir> <indexDir>');

// A clean environment, not process.env: no API keys, no LLM, and a rate limit the benchmark cannot reach.
const config = parseConfig({
  SEEDS_DIR: seedsDir,
  INDEX_DIR: indexDir,
  LOG_LEVEL: 'silent',
  RATE_LIMIT_MAX: '1000000',
});
const service = await serveTemp(config);
// The same index served with the caches off: every request runs the whole pipeline.
const uncached = await serveTemp({ ...config, SEARCH_CACHE_SIZE: 0 });
const bare = await startBareServer();

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([service.app.close(), uncached.app.close(), bare.app.close()]);
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
// The parent holds stdin open; if it dies without signalling, stdin ends and the servers stop too.
process.stdin.on('end', () => void stop());
process.stdin.on('error', () => void stop());
process.stdin.resume();

console.log(JSON.stringify({ service: service.url, uncached: uncached.url, bare: bare.url }));
