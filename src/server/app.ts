import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { ExampleQuestion } from '../qa/example-questions.ts';
import type { QaService } from '../types.ts';
import { answerClientError } from './client-errors.ts';
import { formatValidationErrors, toHttpError } from './http-errors.ts';
import { withRedaction } from './logger-options.ts';
import accessPlugin from './plugins/access.ts';
import connectionDrainingPlugin from './plugins/connection-draining.ts';
import errorsPlugin from './plugins/errors.ts';
import jsonOnlyPlugin from './plugins/json-only.ts';
import metricsPlugin, { type IndexStats } from './plugins/metrics.ts';
import openApiPlugin from './plugins/openapi.ts';
import qaServicePlugin, { type QaServicePluginOptions } from './plugins/qa-service.ts';
import requestIdPlugin from './plugins/request-id.ts';
import securityHeadersPlugin from './plugins/security-headers.ts';
import webPagePlugin from './plugins/web-page.ts';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id.ts';
import askRoute from './routes/ask.ts';
import chatCompletionsRoutes from './routes/chat-completions.ts';
import examplesRoute from './routes/examples.ts';
import documentsRoutes, { type DocumentRoutesOptions } from './routes/documents.ts';
import healthRoutes from './routes/health.ts';
import metricsRoute from './routes/metrics.ts';
import passageRoute from './routes/passage.ts';
import responsesRoute from './routes/responses.ts';
import searchRoute from './routes/search.ts';

export interface BuildAppOptions {
  config: Config;
  /** Returns the QA engine once its index is loaded; until then /readyz and /v1/* answer 503 NOT_READY. */
  qa: () => QaService | undefined;
  /** Fastify's (pino) logger options; defaults to `{ level: config.LOG_LEVEL }`. Pass `false` to silence. Authorization headers are always redacted. */
  logger?: FastifyServerOptions['logger'];
  /** The loaded index's size for /metrics; undefined while it loads. */
  indexStats?: () => IndexStats | undefined;
  /** Example questions made from the loaded documents, for the chat page; undefined while it loads. */
  examples?: () => ExampleQuestion[] | undefined;
  /** With a live index: leases the serving engine per request, so a swapped-out version is released only when its requests end. */
  lease?: QaServicePluginOptions['lease'];
  /** With a live index: the served version and its refresh, for /readyz. */
  indexStatus?: QaServicePluginOptions['indexStatus'];
  /** With a live index: ingest now and swap (for routes that change the documents). */
  refreshIndex?: QaServicePluginOptions['refreshIndex'];
  /** Runs when the app closes, after in-flight requests (e.g. stops watching the index and a running ingest). */
  onClose?: () => Promise<void>;
  /** The documents folder and its ingest, for /v1/documents; those routes answer 503 without it. */
  documents?: DocumentRoutesOptions['documents'];
}

type AppPluginOptions = QaServicePluginOptions & Pick<BuildAppOptions, 'indexStats' | 'examples' | 'documents'>;

/**
 * The application itself: plugins first, then routes. Not encapsulated, so its error handlers cover every route.
 * Access (keys, rate limits) comes before any route it guards, and the OpenAPI plugin before the routes it documents.
 */
export const appPlugin = fp<AppPluginOptions>(async function zhidaApp(app, options) {
  await app.register(requestIdPlugin);
  await app.register(errorsPlugin);
  await app.register(jsonOnlyPlugin);
  await app.register(qaServicePlugin, options);
  await app.register(connectionDrainingPlugin);
  await app.register(securityHeadersPlugin, { config: options.config });
  await app.register(metricsPlugin, { indexStats: options.indexStats });
  await app.register(accessPlugin, { config: options.config });
  await app.register(webPagePlugin);
  await app.register(openApiPlugin);

  await app.register(healthRoutes);
  await app.register(askRoute);
  await app.register(searchRoute);
  await app.register(passageRoute);
  await app.register(chatCompletionsRoutes);
  await app.register(responsesRoute);
  await app.register(examplesRoute, { examples: options.examples });
  await app.register(metricsRoute);
  await app.register(documentsRoutes, { config: options.config, documents: options.documents ?? (() => undefined) });
});

/** Builds a ready (not yet listening) Fastify instance: call `listen()` to serve, or `inject()` to test. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, qa, indexStats, examples, lease, indexStatus, refreshIndex } = options;
  const app = Fastify({
    logger: withRedaction(options.logger, config.LOG_LEVEL),
    genReqId: requestIdFor,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // Every request has a deadline for arriving whole (see client-errors.ts for the 408 it gets).
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    // Node checks the timeouts above every connectionsCheckingInterval (30 s by default): check each second.
    http: { headersTimeout: config.HEADERS_TIMEOUT_MS, requestTimeout: config.REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
    // Let in-flight requests finish on close; only idle keep-alive sockets are dropped (see connection-draining).
    forceCloseConnections: 'idle',
    // Requests arriving during shutdown are served (with Connection: close) rather than given
    // Fastify's built-in 503, whose body is not in the { error: { code, message } } shape.
    return503OnClosing: false,
    // Bodies are taken as sent: no string → number coercion, and unknown fields are rejected (400), not stripped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    schemaErrorFormatter: formatValidationErrors,
    // Framing errors, header overflow and timeouts happen before a request exists: shaped there.
    clientErrorHandler(error, socket) {
      answerClientError((this as unknown as FastifyInstance).log, error, socket);
    },
    // Malformed URLs never reach the error handler, so they are shaped here.
    frameworkErrors: (error, request, reply) => {
      const { statusCode, body } = toHttpError(error);
      request.log.info({ code: body.error.code, reason: error.message }, 'request rejected');
      void (reply as FastifyReply).code(statusCode).header(REQUEST_ID_HEADER, request.id).send(body);
    },
  });
  await app.register(appPlugin, {
    config,
    qa,
    indexStats,
    examples,
    ...(lease ? { lease } : {}),
    ...(indexStatus ? { indexStatus } : {}),
    ...(refreshIndex ? { refreshIndex } : {}),
    ...(options.documents ? { documents: options.documents } : {}),
  });
  if (options.onClose) app.addHook('onClose', options.onClose);
  await app.ready();
  return app;
}
