import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The chat page's files: plain HTML, CSS and ES modules, served as they are (no build step). */
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
export const ASSETS_PREFIX = '/assets/';

/**
 * The page renders text from documents and answers, so it may load nothing but its own files and
 * talk to nothing but this server; it is never framed (clickjacking).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Without fingerprinted file names, browsers must revalidate every time; the ETag makes that a cheap 304. */
function cacheHeaders(reply: FastifyReply): void {
  reply.header('cache-control', 'no-cache');
  reply.header('x-content-type-options', 'nosniff');
}

/** Serves the chat page at `/` and its files under `/assets/`. Encapsulated, so `reply.sendFile` stays local. */
export default async function webPage(app: FastifyInstance) {
  await app.register(fastifyStatic, {
    root: WEB_DIR,
    prefix: ASSETS_PREFIX,
    // One route per file found at startup: an unknown asset is a plain 404 from the app's not-found handler.
    wildcard: false,
    index: false,
    // Type declarations are for the tests; the page itself is served at `/`.
    globIgnore: ['**/*.d.ts', 'index.html'],
    cacheControl: false,
    setHeaders: cacheHeaders,
  });

  app.get('/', async (_request, reply) => {
    reply.header('content-security-policy', PAGE_CSP);
    reply.header('referrer-policy', 'no-referrer');
    return reply.sendFile('index.html');
  });
}
