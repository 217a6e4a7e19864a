// GET /healthz: the service is up and answers.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { docSchema } from '../openapi.js';

export function healthRoutes(app: FastifyInstance): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness check',
        tags: ['service'],
        response: { 200: docSchema(z.object({ status: z.literal('ok') })) },
      },
    },
    async () => ({ status: 'ok' }),
  );
}
