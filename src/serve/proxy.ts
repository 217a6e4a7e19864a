// `dovetail serve --proxy`: the monitor sits in front of a model server, on its own port. Every
// request outside the monitor's own paths is forwarded as it came (method, headers, body bytes) and
// the model server's answer returned as it came (status, headers, body bytes), errors included;
// the predictions answered are recorded afterwards (proxy-recorder.ts), so a model is monitored with
// no change to its clients or its server. An encapsulated plugin: its body parser, which keeps every
// body as bytes, and its catch-all route leave the monitor's API as it is.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from './clock.js';
import { ApiError } from './errors.js';
import type { MonitoredSystem } from './monitor.js';
import type { JsonPaths, ProtocolName } from './protocols/index.js';
import { newCounts, type ProxyCounts, Recorder } from './proxy-recorder.js';
import { Upstream, UpstreamError } from './upstream.js';

export type { ProxyCounts } from './proxy-recorder.js';

export interface ProxyOptions {
  /** The model server's base URL (http or https); a request's path and query are appended to its path. */
  url: string;
  protocol: ProtocolName;
  /** `--inputs-path` and `--outputs-path`: what the json protocol reads. */
  paths?: JsonPaths;
  /** `--model`: the trained model every prediction is recorded for. */
  model?: string;
  /** The answer's headers have not all come, or its body stops coming, for this long: 504. */
  timeoutMs?: number;
  /** Largest request body forwarded. */
  bodyLimit?: number;
  /** How long recorded events wait to be written together (default: a second). */
  recordEveryMs?: number;
}

export const PROXY_TIMEOUT_MS = 60_000;
/** Model servers take images and big batches: more than the monitor's own API. */
export const PROXY_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/** The monitor's own paths: never forwarded (a request the monitor has no route for is its 404). */
const MONITOR_PATHS = /^\/(?:api(?:\/|$)|healthz$|openapi\.json$|metrics$)/;

/** By system name: one process serves one proxy. */
const counters = new Map<string, ProxyCounts>();

/** What the proxy recording for this system did since it started; undefined when none runs. */
export function proxyCounts(system: string): ProxyCounts | undefined {
  return counters.get(system);
}

/** A header's value, the first when it came several times. */
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

const tooLarge = (limit: number) =>
  new ApiError(413, 'body_too_large', 'the body is larger than the limit of the proxy', { limit_bytes: limit });

/** The request's body as it came; undefined when it has none. */
async function bodyOf(request: FastifyRequest, limit: number): Promise<Buffer | undefined> {
  if (Buffer.isBuffer(request.body)) return request.body;
  const { 'content-length': length, 'transfer-encoding': encoding } = request.headers;
  if (encoding === undefined && (length === undefined || length === '0')) return length ? Buffer.alloc(0) : undefined;
  // GET, HEAD and TRACE bodies, which fastify does not read.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Whether an answer to this request may carry a body, so that its length must be told. */
const hasBody = (method: string, status: number) => method !== 'HEAD' && status !== 204 && status !== 304;

/** The proxy, for the one system served: register it on the monitor's app. */
export function proxyRoutes(systems: readonly MonitoredSystem[], options: ProxyOptions, clock: Clock) {
  const [served] = systems;
  if (!served || systems.length > 1) throw new Error('the proxy records for one system; serve exactly one');
  const bodyLimit = options.bodyLimit ?? PROXY_BODY_LIMIT_BYTES;
  return async (app: FastifyInstance): Promise<void> => {
    const upstream = new Upstream(new URL(options.url), options.timeoutMs ?? PROXY_TIMEOUT_MS);
    const counts = newCounts();
    counters.set(served.name, counts);
    const recorder = new Recorder(served, options, counts, clock);

    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
    // The monitor answers every error, in its words; a body too large is told the proxy's limit.
    app.setErrorHandler((e: FastifyError) => {
      throw e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? tooLarge(bodyLimit) : e;
    });

    app.all('/*', { schema: { hide: true }, bodyLimit }, async (request, reply) => {
      const path = request.url.split('?', 1)[0] as string;
      if (MONITOR_PATHS.test(path)) return reply.callNotFound();
      const body = await bodyOf(request, bodyLimit);
      const at = clock.now();
      counts.forwarded++;
      const answer = await upstream.send(request.method, request.url, request.raw.rawHeaders, body).catch((e) => {
        if (!(e instanceof UpstreamError)) throw e;
        counts.upstreamFailures++;
        throw e.kind === 'timeout'
          ? new ApiError(504, 'upstream_timeout', e.message)
          : new ApiError(502, 'upstream_unreachable', e.message);
      });

      reply.hijack();
      const headers = answer.headers;
      const typeAt = headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-type');
      const told = headers.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-length');
      // A chunked answer was read whole: it goes on with its length.
      if (!told && hasBody(request.method, answer.status)) headers.push('Content-Length', String(answer.body.length));
      reply.raw.writeHead(answer.status, answer.statusMessage, headers);
      reply.raw.end(answer.body);

      if (request.method !== 'POST' || answer.status < 200 || answer.status > 299 || !recorder.isPrediction(path))
        return;
      const record = () =>
        recorder.record({
          path,
          request: body ?? Buffer.alloc(0),
          response: answer.body,
          responseType: typeAt < 0 ? undefined : headers[typeAt + 1],
          at,
          latencyMs: answer.latencyMs,
          requestId: header(request.headers['x-request-id']),
        });
      // Once the answer has gone (or the client has left): recording never holds it up.
      if (reply.raw.closed) record();
      else reply.raw.once('close', record);
    });

    app.addHook('onClose', async () => {
      await recorder.close();
      upstream.close();
      if (counters.get(served.name) === counts) counters.delete(served.name);
    });
  };
}
