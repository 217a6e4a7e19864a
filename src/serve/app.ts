// The monitor's HTTP service: a fastify app over the served systems, with their run-time checks.
// Bodies are validated with the zod schemas in the handlers (a batch keeps its valid items), so
// fastify's own validation is off and the route schemas only document the API.
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Clock, systemClock } from './clock.js';
import { installErrorHandlers } from './errors.js';
import { parseJsonBody } from './json-body.js';
import type { MonitorListener } from './listener.js';
import type { PrometheusMetrics } from './metrics.js';
import { Monitor, type MonitoredSystem, type WindowOverrides } from './monitor.js';
import { type ProxyOptions, proxyRoutes } from './proxy.js';
import { findingRoutes } from './routes/findings.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { measurementRoutes } from './routes/measurements.js';
import { metricsRoutes } from './routes/metrics.js';
import { openapiRoutes } from './routes/openapi.js';
import { systemRoutes } from './routes/systems.js';
import type { ServedSystem } from './systems.js';

/** Largest request body: about 10,000 events of 20 features. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;
/** How often windows whose end has passed are closed when no event arrives to close them. */
const FLUSH_EVERY_MS = 1000;

export interface AppOptions {
  systems: readonly ServedSystem[];
  version: string;
  bodyLimit?: number;
  /** `--window`, `--window-events`. */
  window?: WindowOverrides;
  /** `--retain`: how long raw events are kept (ms), for every system. */
  retentionMs?: number;
  /** Told about ingest, closed windows and findings: Prometheus metrics, webhook alerts. */
  listeners?: readonly MonitorListener[];
  /** Served on GET /metrics; give it among the listeners too, so that it is told what to count. */
  metrics?: PrometheusMetrics;
  clock?: Clock;
  /** `--proxy`: forward every other request to a model server and record its predictions (one system only). */
  proxy?: ProxyOptions;
}

/**
 * The service. Each system's contracts are compiled and its windows opened here; closing the app
 * closes the windows and stores their observations (close it before the stores).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const clock = options.clock ?? systemClock;
  const listeners = options.listeners ?? [];
  const systems: MonitoredSystem[] = options.systems.map((s) => ({
    ...s,
    monitor: new Monitor(s, { window: options.window, listeners, retentionMs: options.retentionMs }),
  }));
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
  systemRoutes(app, systems);
  ingestRoutes(app, systems, clock);
  findingRoutes(app, systems);
  measurementRoutes(app, systems);
  if (options.metrics) metricsRoutes(app, options.metrics);
  if (options.proxy) await app.register(proxyRoutes(systems, options.proxy, clock));
  const stop = clock.every(FLUSH_EVERY_MS, async () => {
    for (const s of systems) {
      await s.monitor.flush(clock.now()).catch((e: Error) => {
        process.stderr.write(`dovetail serve: cannot store the observations of ${s.name}: ${e.stack ?? e.message}\n`);
      });
    }
  });
  app.addHook('onClose', async () => {
    stop();
    await Promise.all(systems.map((s) => s.monitor.close(clock.now())));
    for (const l of listeners) await l.close?.();
  });
  await app.ready();
  for (const s of systems) {
    await s.monitor.restore(clock.now());
    await s.monitor.announce();
  }
  return app;
}
