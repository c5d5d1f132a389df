import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { apiKeyMatcher, bearerToken } from '../api-keys.ts';
import { errorResponse } from '../schemas/error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Which configured API key the request carries (`key-1`…), undefined without a valid one or when keys are off. */
    apiKeyId: string | undefined;
  }
}

/** Routes under this prefix are the API: they need a key (when configured) and are rate limited. */
export const API_PREFIX = '/v1/';
/** The OpenAPI security scheme name of the bearer key. */
export const BEARER_SCHEME = 'bearerAuth';

function pathOf(url: string): string {
  return url.split('?', 1)[0] ?? url;
}

/** By the matched route pattern, so an encoded path (`/%761/ask`) cannot slip past; by the path when nothing matched. */
function isApiRequest(request: FastifyRequest): boolean {
  return (request.routeOptions.url ?? pathOf(request.url)).startsWith(API_PREFIX);
}

const unauthorizedResponse = errorResponse(401);
const rateLimitedResponse = {
  ...errorResponse(429),
  headers: {
    'retry-after': { type: 'integer', description: 'Seconds until the window resets and requests are taken again' },
  },
} as const;

/**
 * API keys and rate limits on /v1/*; probes, /metrics, the page and the docs stay open.
 *
 * Order per request: the key is identified (onRequest), the rate limit counts it per key, or per client
 * address without a valid key (route onRequest, so guessing keys is limited too), then a missing or wrong
 * key is refused with 401 (preParsing, before the body is read).
 */
export default fp<{ config: Config }>(
  async function access(app, { config }) {
    const keysRequired = config.API_KEYS.length > 0;
    // Admin keys (for /v1/documents) may use the rest of the API too.
    const identify = apiKeyMatcher([...config.API_KEYS, ...config.ADMIN_API_KEYS]);

    app.decorateRequest('apiKeyId', undefined);
    app.addHook('onRequest', async (request) => {
      if (keysRequired) request.apiKeyId = identify(bearerToken(request.headers.authorization));
    });

    // Documents what is enforced here on every API route registered from now on.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith(API_PREFIX)) return;
      const schema = route.schema ?? {};
      route.schema = {
        ...schema,
        ...(keysRequired ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
        response: { 401: unauthorizedResponse, 429: rateLimitedResponse, ...(schema.response as object | undefined) },
      };
    });

    await app.register(rateLimit, {
      global: true,
      max: config.RATE_LIMIT_MAX,
      timeWindow: config.RATE_LIMIT_WINDOW_MS,
      keyGenerator: (request) => request.apiKeyId ?? `ip:${normalizeIP(request.ip)}`,
      allowList: (request) => !isApiRequest(request),
      // Thrown, so the app's error handler gives it the { error: { code, message } } shape; Retry-After is already set.
      errorResponseBuilder: () => new AppError('RATE_LIMITED'),
    });

    app.addHook('preParsing', async (request, reply, payload) => {
      if (keysRequired && request.apiKeyId === undefined && isApiRequest(request)) {
        reply.header('www-authenticate', 'Bearer');
        throw new AppError('UNAUTHORIZED');
      }
      return payload;
    });
  },
  { name: 'access' },
);
