// The monitor's HTTP service: a fastify app over the served systems. Bodies are validated with the
// zod schemas in the handlers (a batch keeps its valid items), so fastify's own validation is off
// and the route schemas only document the API.
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandlers } from './errors.js';
import { parseJsonBody } from './json-body.js';
import { findingRoutes } from './routes/findings.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { measurementRoutes } from './routes/measurements.js';
import { openapiRoutes } from './routes/openapi.js';
import { systemRoutes } from './routes/systems.js';
import type { ServedSystem } from './systems.js';

/** Largest request body: about 10,000 events of 20 features. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export interface AppOptions {
  systems: readonly ServedSystem[];
  version: string;
  bodyLimit?: number;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const app = Fastify({ logger: false, bodyLimit, return503OnClosing: true });
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  installErrorHandlers(app, bodyLimit);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dovetail monitor',
        version: options.version,
        description: 'Run-time ML mismatch detection: ingest events and feedback, read findings and measurements.',
      },
    },
  });
  healthRoutes(app);
  openapiRoutes(app);
  systemRoutes(app, options.systems);
  ingestRoutes(app, options.systems);
  findingRoutes(app, options.systems);
  measurementRoutes(app, options.systems);
  await app.ready();
  return app;
}
