// GET /metrics: the monitor's Prometheus metrics, in the text exposition format scrapers ask for.
import type { FastifyInstance } from 'fastify';
import type { PrometheusMetrics } from '../metrics.js';

export function metricsRoutes(app: FastifyInstance, metrics: PrometheusMetrics): void {
  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics: ingest, windows, contract violations, drift, open findings',
        tags: ['service'],
        response: {
          200: {
            description: 'Prometheus text exposition format 0.0.4 (metric names and labels: docs/serve.md).',
            content: { [metrics.registry.contentType]: { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
