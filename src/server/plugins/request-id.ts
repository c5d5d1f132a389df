import fp from 'fastify-plugin';
import { REQUEST_ID_HEADER } from '../request-id.ts';

/** Echoes the request id (see requestIdFor) so callers can quote it when reporting a problem. */
export default fp(
  async function requestIdHeader(app) {
    app.addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  },
  { name: 'request-id' },
);
