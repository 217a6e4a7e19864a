// GET /api/v1/systems/{name}/windows and /observations: the measurements behind run-time findings.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { errorBody } from '../errors.js';
import { docSchema, nameParams } from '../openapi.js';
import { findSystem, type ServedSystem } from '../systems.js';

const windowSchema = z.object({
  id: z.string(),
  instance: z.string().meta({ description: 'The service instance that wrote this partial window.' }),
  start: z.string(),
  end: z.string(),
  closed_at: z.string().optional(),
  events: z.int(),
  profile: z.unknown().optional().meta({ description: 'Mergeable profile of the inputs and outputs.' }),
});

const observationSchema = z.object({
  window: z.string(),
  at: z.string(),
  observation: z.unknown().meta({ description: 'What was measured in the window.' }),
});

export function measurementRoutes(app: FastifyInstance, systems: readonly ServedSystem[]): void {
  app.get<{ Params: { name: string } }>(
    '/api/v1/systems/:name/windows',
    {
      schema: {
        summary: 'Windows of live traffic',
        tags: ['measurements'],
        params: nameParams,
        response: { 200: docSchema(z.object({ windows: z.array(windowSchema) })), 404: docSchema(errorBody) },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      return { windows: await served.store.windows(served.name) };
    },
  );
  app.get<{ Params: { name: string } }>(
    '/api/v1/systems/:name/observations',
    {
      schema: {
        summary: 'Observations: what each closed window measured',
        tags: ['measurements'],
        params: nameParams,
        response: {
          200: docSchema(z.object({ observations: z.array(observationSchema) })),
          404: docSchema(errorBody),
        },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      return { observations: await served.store.observations(served.name) };
    },
  );
}
