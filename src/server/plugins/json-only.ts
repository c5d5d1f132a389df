import fp from 'fastify-plugin';

/** Request bodies are JSON only: without a parser for text/plain, Fastify answers 415 to it. */
export default fp(
  async function jsonOnly(app) {
    app.removeContentTypeParser('text/plain');
  },
  { name: 'json-only' },
);
