// GET /openapi.json: the OpenAPI document of every endpoint, built from the route schemas.
import type { FastifyInstance } from 'fastify';

export function openapiRoutes(app: FastifyInstance): void {
  app.get('/openapi.json', { schema: { summary: 'This OpenAPI document', tags: ['service'] } }, async () =>
    app.swagger(),
  );
}
