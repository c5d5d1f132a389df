import type { FastifyRequest } from 'fastify';

/** This service's URL as the client reached it (behind a proxy, with TRUST_PROXY, as the proxy was reached). */
export function serviceOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
