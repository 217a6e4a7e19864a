// GET /api/v1/systems/{name}/windows and /observations: the measurements behind run-time findings,
// newest first, as the window module writes them.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { ApiError, errorBody } from '../errors.js';
import { docSchema, nameParams } from '../openapi.js';
import { findSystem, type ServedSystem } from '../systems.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const query = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .meta({ description: `How many, newest first (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).` }),
});

function limit(request: { query: unknown }): number {
  const parsed = query.safeParse(request.query);
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_query', `limit must be a whole number from 1 to ${MAX_LIMIT}`, {
      issues: parsed.error.issues.map((i) => i.message),
    });
  }
  return parsed.data.limit;
}

const span = z
  .object({ start: z.string(), end: z.string() })
  .meta({ description: 'The window: [start, end), ISO 8601.' });
const count = z.int();
const summary = z
  .looseObject({ count, min: z.number().nullable(), max: z.number().nullable(), mean: z.number().nullable() })
  .meta({ description: 'count, min, max and mean, with the moments they merge from.' });
const profile = z.looseObject({}).meta({ description: 'A mergeable profile of the records (docs/profiles.md).' });
const percentile = z.number().nullable();

const windowSchema = z.object({
  id: z.string().meta({ description: 'model@start/end: the same on every instance.' }),
  instance: z.string().meta({ description: 'The service instance that saw this part of the window.' }),
  model: z.string().optional().meta({ description: 'The trained model whose events the window holds.' }),
  start: z.string(),
  end: z.string(),
  closed_at: z.string(),
  events: count,
});

const observation = z
  .looseObject({
    dovetail_observation: z.literal(1),
    model: z.object({ name: z.string(), version: z.string().optional() }).optional(),
    window: span,
    events: count,
    late: count.meta({ description: 'Events older than the window they were counted in.' }),
    first_event: z.string().nullable(),
    last_event: z.string().nullable(),
    throughput: z.object({ events_per_second: z.number() }),
    inputs: profile,
    outputs: profile,
    latency: z
      .looseObject({ summary: profile, p50: percentile, p95: percentile, p99: percentile, rank_error: z.number() })
      .meta({ description: 'latency_ms: its column summary and percentiles.' }),
    resources: z.object({ cpu: summary, memory: summary, gpu: summary }),
    metrics: z.record(z.string(), summary),
    logs: z.object({ by_name: z.record(z.string(), count), by_level: z.record(z.string(), count) }),
    feedback: z.looseObject({
      ground_truth: count,
      user: count,
      by_name: z.record(z.string(), count),
      confusion: z.looseObject({}).nullable(),
    }),
    contract: z
      .looseObject({ events: count, violating_events: count, violations: z.array(z.looseObject({})) })
      .meta({ description: 'Contract violations counted per side, field and kind, with examples.' }),
  })
  .meta({ description: 'What one instance measured in the window (mergeable with the other instances’ parts).' });

const observationSchema = z.object({
  window: z.string().meta({ description: 'The id of the window.' }),
  instance: z.string(),
  at: z.string().meta({ description: 'When the window was closed.' }),
  observation,
});

const limitQuery = docSchema(query, 'input');

export function measurementRoutes(app: FastifyInstance, systems: readonly ServedSystem[]): void {
  app.get<{ Params: { name: string } }>(
    '/api/v1/systems/:name/windows',
    {
      schema: {
        summary: 'Closed windows of live traffic, newest first',
        tags: ['measurements'],
        params: nameParams,
        querystring: limitQuery,
        response: {
          200: docSchema(z.object({ windows: z.array(windowSchema) })),
          400: docSchema(errorBody),
          404: docSchema(errorBody),
        },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      return { windows: await served.store.windows(served.name, limit(request)) };
    },
  );
  app.get<{ Params: { name: string } }>(
    '/api/v1/systems/:name/observations',
    {
      schema: {
        summary: 'Observations: what each closed window measured, newest first',
        tags: ['measurements'],
        params: nameParams,
        querystring: limitQuery,
        response: {
          200: docSchema(z.object({ observations: z.array(observationSchema) })),
          400: docSchema(errorBody),
          404: docSchema(errorBody),
        },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      return { observations: await served.store.observations(served.name, limit(request)) };
    },
  );
}
