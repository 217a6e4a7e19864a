// GET /api/v1/systems/{name}/findings: findings of both phases with their history.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { ApiError, errorBody } from '../errors.js';
import { docSchema, nameParams } from '../openapi.js';
import { findSystem, type ServedSystem } from '../systems.js';

const query = z.strictObject({
  phase: z.enum(['design', 'runtime']).optional().meta({ description: 'Only findings of this phase.' }),
  status: z.enum(['open', 'resolved']).optional().meta({ description: 'Only findings with this status.' }),
});

const trackedFinding = z
  .looseObject({
    rule: z.string(),
    category: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    phase: z.enum(['design', 'runtime']),
    message: z.string(),
    evidence: z.array(z.record(z.string(), z.unknown())),
    roles: z.array(z.string()),
    rationale: z.string(),
    remedy: z.string(),
    fingerprint: z.string(),
    status: z.enum(['open', 'resolved']),
    first_seen: z.string().meta({ description: 'When a check or window first showed it (ISO 8601).' }),
    last_seen: z.string().meta({ description: 'When a check or window last showed it.' }),
    resolved_at: z.string().optional().meta({ description: 'When it was resolved, if it is.' }),
    occurrences: z.int().meta({ description: 'How many checks (design) or windows (run time) showed it.' }),
    window: z.string().optional().meta({ description: 'The window that last showed it (run time).' }),
  })
  .meta({ description: 'A finding as `dovetail check --format json` prints it, plus its history.' });

export function findingRoutes(app: FastifyInstance, systems: readonly ServedSystem[]): void {
  app.get<{ Params: { name: string } }>(
    '/api/v1/systems/:name/findings',
    {
      schema: {
        summary: 'Findings, design-time and run-time, open and resolved',
        tags: ['findings'],
        params: nameParams,
        querystring: docSchema(query, 'input'),
        response: { 200: docSchema(z.object({ findings: z.array(trackedFinding) })), 400: docSchema(errorBody) },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      const filter = query.safeParse(request.query);
      if (!filter.success) {
        throw new ApiError(400, 'invalid_query', 'phase must be design or runtime; status must be open or resolved', {
          issues: filter.error.issues.map((i) => i.message),
        });
      }
      return { findings: await served.store.findings(served.name, filter.data) };
    },
  );
}
