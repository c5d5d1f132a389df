import type { FastifyInstance } from 'fastify';
import { loadEngine } from '../../src/engine.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/config.ts';
import type { QaService } from '../../src/types.ts';

/** The real service over `config`, listening on a free loopback port. */
export async function serveTemp(config: Config): Promise<{ app: FastifyInstance; url: string }> {
  const quiet = { info: () => undefined, warn: () => undefined };
  const engine = await loadEngine(config, quiet);
  const qa: QaService = engine.qa;
  const app = await buildApp({ config, qa: () => qa, logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}
