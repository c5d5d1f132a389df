import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AskEvent, AskResponse } from '../../types.ts';

export interface IndexStats {
  chunks: number;
  documents: number;
}

/** Prometheus metrics of one app instance (its own registry, so several apps in one process never collide). */
export interface AppMetrics {
  readonly registry: Registry;
  /** Counts one answer by status and fallback (call once per answered request). */
  countAnswer(response: AskResponse): void;
  /** Passes a streamed answer through, counting its final response. */
  countAnswers(events: AsyncIterable<AskEvent>): AsyncIterable<AskEvent>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

export interface MetricsPluginOptions {
  /** The loaded index's size; undefined while it loads (the gauges then read 0). */
  indexStats?: () => IndexStats | undefined;
}

/** Route label of requests that matched no route: one series for all of them, whatever the URL. */
const UNMATCHED_ROUTE = 'unmatched';
/** Streamed answers take seconds; probes take microseconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

function createMetrics(indexStats: MetricsPluginOptions['indexStats']) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to the end of its response (whole stream for streamed answers)',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const answers = new Counter({
    name: 'zhida_answers_total',
    help: 'Answers given by /v1/ask and /v1/chat/completions (streamed or not), by status and whether the LLM fell back to extractive',
    labelNames: ['status', 'fallback'] as const,
    registers,
  });
  // Every combination is reported from the start, so rates work before the first answer.
  for (const status of ['answered', 'no_answer']) for (const fallback of ['true', 'false']) answers.inc({ status, fallback }, 0);
  new Gauge({
    name: 'zhida_index_chunks',
    help: 'Chunks (passages) in the loaded index; 0 while it loads',
    registers,
    collect() {
      this.set(indexStats?.()?.chunks ?? 0);
    },
  });
  new Gauge({
    name: 'zhida_index_documents',
    help: 'Documents in the loaded index; 0 while it loads',
    registers,
    collect() {
      this.set(indexStats?.()?.documents ?? 0);
    },
  });
  return { registry, requests, duration, answers };
}

/** Request counts and latencies by route, answer outcomes, index size and process metrics; served by GET /metrics. */
export default fp<MetricsPluginOptions>(
  async function metrics(app, options) {
    const { registry, requests, duration, answers } = createMetrics(options.indexStats);

    const countAnswer = (response: AskResponse) => {
      answers.inc({ status: response.status, fallback: String(response.fallback !== undefined) });
    };
    app.decorate('metrics', {
      registry,
      countAnswer,
      async *countAnswers(events: AsyncIterable<AskEvent>) {
        for await (const event of events) {
          if (event.type === 'done') countAnswer(event.response);
          yield event;
        }
      },
    } satisfies AppMetrics);

    // onResponse also fires for hijacked (streamed) replies, once the stream has ended.
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
      requests.inc({ method: request.method, route, status_code: String(reply.statusCode) });
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });

    app.addHook('onClose', async () => registry.clear());
  },
  { name: 'metrics' },
);
