import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ERRORS } from '../../errors.ts';
import { toHttpError } from '../http-errors.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function pathOf(url: string): string {
  return url.split('?', 1)[0] ?? url;
}

/** Methods a path is routed for, to tell "wrong method" (405) from "no such path" (404). */
function allowedMethods(app: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => app.hasRoute({ method, url: path }));
}

/** Every failure leaves as `{ error: { code, message } }` with a code from src/errors.ts. */
export default fp(
  async function errorHandling(app) {
    app.setErrorHandler(async (error, request, reply) => {
      // A client that went away (aborted upload, closed tab) is not a server fault, and there is nobody to answer.
      if (request.raw.aborted || reply.raw.destroyed) {
        request.log.info({ reason: (error as Error).message }, 'client disconnected before the response');
        return reply.hijack();
      }
      const { statusCode, body, internal } = toHttpError(error);
      if (internal) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: body.error.code, reason: body.error.message }, 'request rejected');
      return reply.code(statusCode).send(body);
    });

    app.setNotFoundHandler(async (request, reply) => {
      const path = pathOf(request.url);
      const allowed = allowedMethods(app, path);
      const error =
        allowed.length > 0
          ? new AppError('METHOD_NOT_ALLOWED', `${ERRORS.METHOD_NOT_ALLOWED.message}: use ${allowed.join(', ')}`)
          : new AppError('NOT_FOUND', `${ERRORS.NOT_FOUND.message}: ${request.method} ${path}`);
      if (allowed.length > 0) reply.header('allow', allowed.join(', '));
      const { statusCode, body } = toHttpError(error);
      return reply.code(statusCode).send(body);
    });
  },
  { name: 'errors' },
);
