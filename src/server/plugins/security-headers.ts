import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

/** Response headers a browser-based client may read. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

/**
 * Security headers on every response (helmet), and CORS for the origins in CORS_ORIGINS only; with none
 * configured no CORS headers are sent, so browsers keep other sites' pages out (same-origin only).
 */
export default fp<{ config: Config }>(
  async function securityHeaders(app, { config }) {
    await app.register(helmet, {
      contentSecurityPolicy: {
        // Helmet's defaults (default-src 'self', script-src 'self', …) let the page and /docs load their own files only.
        directives: {
          // The service is often reached over plain HTTP on a LAN address, where upgrading its own asset URLs would break them.
          'upgrade-insecure-requests': null,
        },
      },
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
