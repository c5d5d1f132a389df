import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { QaService } from '../types.ts';
import { formatValidationErrors, toHttpError } from './http-errors.ts';
import connectionDrainingPlugin from './plugins/connection-draining.ts';
import errorsPlugin from './plugins/errors.ts';
import jsonOnlyPlugin from './plugins/json-only.ts';
import qaServicePlugin, { type QaServicePluginOptions } from './plugins/qa-service.ts';
import requestIdPlugin from './plugins/request-id.ts';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id.ts';
import askRoute from './routes/ask.ts';
import healthRoutes from './routes/health.ts';
import searchRoute from './routes/search.ts';

export interface BuildAppOptions {
  config: Config;
  /** Returns the QA engine once its index is loaded; until then /readyz and /v1/* answer 503 NOT_READY. */
  qa: () => QaService | undefined;
  /** Fastify's (pino) logger options; defaults to `{ level: config.LOG_LEVEL }`. Pass `false` to silence. */
  logger?: FastifyServerOptions['logger'];
}

/** The application itself: plugins first, then routes. Not encapsulated, so its error handlers cover every route. */
export const appPlugin = fp<QaServicePluginOptions>(async function zhidaApp(app, options) {
  await app.register(requestIdPlugin);
  await app.register(errorsPlugin);
  await app.register(jsonOnlyPlugin);
  await app.register(qaServicePlugin, options);
  await app.register(connectionDrainingPlugin);

  await app.register(healthRoutes);
  await app.register(askRoute);
  await app.register(searchRoute);
});

/** Builds a ready (not yet listening) Fastify instance: call `listen()` to serve, or `inject()` to test. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, qa } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    genReqId: requestIdFor,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Let in-flight requests finish on close; only idle keep-alive sockets are dropped (see connection-draining).
    forceCloseConnections: 'idle',
    // Requests arriving during shutdown are served (with Connection: close) rather than given
    // Fastify's built-in 503, whose body is not in the { error: { code, message } } shape.
    return503OnClosing: false,
    // Bodies are taken as sent: no string → number coercion, and unknown fields are rejected (400), not stripped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    schemaErrorFormatter: formatValidationErrors,
    // Malformed URLs never reach the error handler, so they are shaped here.
    frameworkErrors: (error, request, reply) => {
      const { statusCode, body } = toHttpError(error);
      request.log.info({ code: body.error.code, reason: error.message }, 'request rejected');
      void (reply as FastifyReply).code(statusCode).header(REQUEST_ID_HEADER, request.id).send(body);
    },
  });
  await app.register(appPlugin, { config, qa });
  await app.ready();
  return app;
}
