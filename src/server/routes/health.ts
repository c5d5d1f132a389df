import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { healthzSchema, readyzSchema } from '../schemas/health.ts';

/** Liveness and readiness probes; logged at warn only, since orchestrators poll them constantly. */
export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: healthzSchema, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: readyzSchema, logLevel: 'warn' }, async () => {
    if (!app.isReady()) throw new AppError('NOT_READY');
    const index = app.indexStatus();
    return index ? { status: 'ready', index } : { status: 'ready' };
  });
}
