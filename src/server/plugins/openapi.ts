import { createRequire } from 'node:module';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { errorResponse, errorResponseSchema } from '../schemas/error.ts';
import { BEARER_SCHEME } from './access.ts';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PREFIX = '/docs';

const API_DESCRIPTION = [
  'Chinese question answering over your own documents, with cited answers.',
  '',
  'Every error, on every route, is `{ "error": { "code", "message" } }` with a stable `code` from the list in each response',
  '(also on the OpenAI-compatible routes); `x-request-id` on every response finds the request in the logs.',
  '/v1/* need `Authorization: Bearer <key>` when the server has API_KEYS, and are rate limited per key (or per client address).',
].join('\n');

/** A response declared with the generic error schema is documented with just the codes of its status. */
function narrowErrorResponses(route: RouteOptions): void {
  const responses = route.schema?.response as Record<string, unknown> | undefined;
  if (!responses || !Object.values(responses).includes(errorResponseSchema)) return;
  const narrowed = Object.fromEntries(
    Object.entries(responses).map(([status, schema]) => [status, schema === errorResponseSchema ? errorResponse(Number(status)) : schema]),
  );
  route.schema = { ...route.schema, response: narrowed };
}

/**
 * The OpenAPI 3 document, built from the schemas of every route registered after this plugin, at
 * /openapi.json, and Swagger UI at /docs (its files come from the package, nothing from the network).
 */
export default fp(
  async function openApi(app) {
    app.addHook('onRoute', narrowErrorResponses);
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: { title: 'zhida', description: API_DESCRIPTION, version },
        tags: [
          { name: 'Questions', description: 'Answers and passage search over the indexed documents' },
          { name: 'OpenAI compatible', description: 'Chat completions for OpenAI clients; the answer carries [n] markers and `citations`' },
          { name: 'Documents', description: 'The documents folder: list, upload, delete, and the ingest that indexes each change (admin keys)' },
          { name: 'Operations', description: 'Probes and metrics' },
        ],
        components: {
          securitySchemes: {
            [BEARER_SCHEME]: { type: 'http', scheme: 'bearer', description: 'One of the keys in API_KEYS (only when the server is configured with keys)' },
          },
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, logLevel: 'warn', uiConfig: { deepLinking: true } });
    app.get(OPENAPI_PATH, { schema: { hide: true }, logLevel: 'warn' }, async () => app.swagger());
  },
  { name: 'openapi' },
);
