import Fastify, { type FastifyInstance } from 'fastify';

/** The smallest useful Fastify app — one JSON route, no plugins, no logger — as the ceiling the service is compared with. */
export async function startBareServer(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true, service: 'bare' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}
