/** Process entry (`npm start`): serve at once so probes answer, then load the index and keep it current. */
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { LiveEngine } from '../serving/live-engine.ts';
import { buildApp } from './app.ts';
import { manageDocuments } from './documents/live-update.ts';
import { closeOnSignals } from './graceful-shutdown.ts';

// Each question leaves short-lived garbage (tokens, candidate sentences, JSON), while what lives long is mostly
// off the V8 heap (index arrays, vector graphs, dictionaries). V8's default growth lets the heap reach twice its
// live size before collecting, ~150 MB of RSS at 100 MB of documents; growing it by at most 20% keeps RSS near
// the live size (measured with npm run bench:scale).
setFlagsFromString('--heap-growing-percent=20');

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error('Invalid configuration (see .env.example):');
    for (const issue of error.issues) console.error(`  - ${issue}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  let live: LiveEngine | undefined;
  let documents: ReturnType<typeof manageDocuments> | undefined;
  const app = await buildApp({
    config,
    qa: () => live?.current()?.qa,
    lease: () => live?.acquire(),
    indexStats: () => live?.current()?.stats,
    examples: () => live?.current()?.examples,
    indexStatus: () => live!.status(),
    refreshIndex: (reason, options) => live!.refresh(reason, options),
    onClose: async () => live?.close(),
    documents: () => documents,
  });
  live = new LiveEngine(config, app.log, { pollMs: config.INDEX_WATCH_INTERVAL_MS });
  closeOnSignals(app);

  // Fastify logs "Server listening at <address>" itself.
  await app.listen({ host: config.HOST, port: config.PORT });

  try {
    await live.start();
    documents = manageDocuments(config, app.log, live);
  } catch (error) {
    app.log.fatal({ err: error }, 'the QA engine could not start');
    await app.close();
    process.exit(1);
  }
  app.log.info('QA engine ready: /readyz is 200 and /v1/* accept requests; newly published index versions are served within seconds');
}

await main();
