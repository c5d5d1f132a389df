/** Process entry (`npm start`): serve at once so probes answer, then load the engine and start taking questions. */
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { loadEngine } from '../engine.ts';
import { buildApp } from './app.ts';
import { manageDocuments, type EngineSlot } from './documents/live-update.ts';
import { closeOnSignals } from './graceful-shutdown.ts';

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
  const engine: EngineSlot = { current: undefined };
  let documents: ReturnType<typeof manageDocuments> | undefined;
  const app = await buildApp({ config, qa: () => engine.current?.qa, indexStats: () => engine.current?.stats, examples: () => engine.current?.examples, documents: () => documents });
  closeOnSignals(app);

  // Fastify logs "Server listening at <address>" itself.
  await app.listen({ host: config.HOST, port: config.PORT });

  try {
    engine.current = await loadEngine(config, app.log);
    documents = manageDocuments(config, app.log, engine);
  } catch (error) {
    app.log.fatal({ err: error }, 'the QA engine could not start');
    await app.close();
    process.exit(1);
  }
  app.log.info('QA engine ready: /readyz is 200 and /v1/* accept requests');
}

await main();
