import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

/** Response headers a browser-based client may read. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

const API_PREFIX = '/v1/';

/**
 * Security headers: helmet's full set on pages (/, /docs, assets), nosniff on the JSON API, and CORS for the origins in CORS_ORIGINS only; with none
 * configured no CORS headers are sent, so browsers keep other sites' pages out (same-origin only).
 */
export default fp<{ config: Config }>(
  async function securityHeaders(app, { config }) {
    await app.register(helmet, {
      // Set per request below: the JSON API needs only nosniff, and helmet's full set costs a quarter of /v1/search's throughput.
      global: false,
      contentSecurityPolicy: {
        // Helmet's defaults (default-src 'self', script-src 'self', …) let the page and /docs load their own files only.
        directives: {
          // The service is often reached over plain HTTP on a LAN address, where upgrading its own asset URLs would break them.
          'upgrade-insecure-requests': null,
        },
      },
    });

    app.addHook('onRequest', async (request, reply) => {
      if (request.url.startsWith(API_PREFIX)) reply.header('x-content-type-options', 'nosniff');
      else await reply.helmet();
    });

    const origins = config.CORS_ORIGINS;
    if (origins.length === 0) return;
    await app.register(cors, {
      origin: origins.includes('*') ? '*' : origins,
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  },
  { name: 'security-headers' },
);
