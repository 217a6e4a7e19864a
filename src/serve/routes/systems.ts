// GET /api/v1/systems and /api/v1/systems/{name}: what is monitored, with running totals.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { errorBody } from '../errors.js';
import { docSchema, nameParams } from '../openapi.js';
import { findSystem, type ServedSystem } from '../systems.js';

const total = z.object({ accepted: z.int(), rejected: z.int() });

const systemSummary = z.object({
  name: z.string(),
  descriptors: z.array(
    z.object({
      kind: z.string(),
      name: z.string(),
      file: z.string().meta({ description: 'Relative to the system folder.' }),
    }),
  ),
  events: total,
  feedback: total,
  findings: z.object({ open: z.int().meta({ description: 'Open findings of both phases.' }) }),
});

async function summary(s: ServedSystem): Promise<z.infer<typeof systemSummary>> {
  const counts = await s.store.counts(s.name);
  return {
    name: s.name,
    descriptors: s.system.descriptors.map((d) => ({ kind: d.kind, name: d.name, file: d.file })),
    ...counts,
  };
}

export function systemRoutes(app: FastifyInstance, systems: readonly ServedSystem[]): void {
  app.get(
    '/api/v1/systems',
    {
      schema: {
        summary: 'The systems this service monitors',
        tags: ['systems'],
        response: { 200: docSchema(z.object({ systems: z.array(systemSummary) })) },
      },
    },
    async () => ({ systems: await Promise.all(systems.map(summary)) }),
  );
  app.get<{ Params: { name: string } }>(
    '/api/v1/systems/:name',
    {
      schema: {
        summary: 'One system: its descriptors, events and feedback received, open findings',
        tags: ['systems'],
        params: nameParams,
        response: { 200: docSchema(systemSummary), 404: docSchema(errorBody) },
      },
    },
    async (request) => summary(findSystem(systems, request.params.name)),
  );
}
