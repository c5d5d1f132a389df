import type { FastifyInstance } from 'fastify';

const metricsSchema = {
  summary: 'Prometheus metrics',
  description: [
    'Metrics in the Prometheus text format: http_requests_total{method,route,status_code},',
    'http_request_duration_seconds{method,route}, zhida_answers_total{status,fallback},',
    'zhida_index_chunks, zhida_index_documents, and the default process_* / nodejs_* metrics.',
  ].join(' '),
  tags: ['Operations'],
  response: {
    200: {
      description: 'The metrics, text/plain; version=0.0.4',
      content: { 'text/plain': { schema: { type: 'string', description: 'Prometheus exposition format' } } },
    },
  },
} as const;

/** GET /metrics for Prometheus; open like the probes, and logged at warn only since it is scraped constantly. */
export default async function metricsRoute(app: FastifyInstance) {
  app.get('/metrics', { schema: metricsSchema, logLevel: 'warn' }, async (_request, reply) => {
    reply.type(app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });
}
