import Fastify, { type FastifyInstance } from 'fastify';

/** A JSON body of about `bytes` bytes of Chinese text, as a passage list is. */
function bodyOfSize(bytes: number): string {
  const text = '数据中心集群建设与算力枢纽节点布局'.repeat(Math.ceil(bytes / 51));
  const body = JSON.stringify({ text });
  return JSON.stringify({ text: text.slice(0, Math.max(0, text.length - Math.ceil((Buffer.byteLength(body) - bytes) / 3))) });
}

/**
 * The smallest useful Fastify app — no plugins, no logger — as the ceiling the service is compared with:
 * GET /bare answers a few bytes of JSON; GET /bare/:bytes a pre-built body of that size, the ceiling for a
 * route whose answer is that long (the socket write grows with it).
 */
export async function startBareServer(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  const bodies = new Map<number, string>();
  app.get('/bare', async () => ({ ok: true, service: 'bare' }));
  app.get<{ Params: { bytes: number } }>(
    '/bare/:bytes',
    { schema: { params: { type: 'object', properties: { bytes: { type: 'integer', minimum: 1, maximum: 1_000_000 } }, required: ['bytes'] } } },
    async (request, reply) => {
      const { bytes } = request.params;
      let body = bodies.get(bytes);
      if (body === undefined) bodies.set(bytes, (body = bodyOfSize(bytes)));
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}
