// What the proxy records: each prediction a model server answered (a 2xx JSON answer to a POST to
// the protocol's prediction endpoint) becomes one event per row, stored through the same ingest path
// as POST /events. Recording runs after the answer is sent and never throws: payloads it cannot read
// and events it cannot store are counted, and each distinct problem is printed once on stderr.
// Events are written in batches, once a second (`recordEveryMs`), at most MAX_BATCH per turn of the
// event loop: few transactions, and short turns on the thread that forwards (the contract checks and
// windows run there too), keep the latency the proxy adds low. Nobody waits for these events'
// acknowledgement: a crash loses the last second's, a shutdown writes them.
import { descriptorsOf } from '../descriptors/system.js';
import type { Rejected } from './batch.js';
import type { Clock } from './clock.js';
import { Contract } from './contract.js';
import type { Event } from './events.js';
import { ingestEvents } from './ingest.js';
import type { MonitoredSystem } from './monitor.js';
import { type JsonPaths, type Protocol, type ProtocolName, type ProtocolOptions, protocol } from './protocols/index.js';

/** What the proxy did for one system since it started: for `/metrics`. */
export interface ProxyCounts {
  /** Requests forwarded to the model server. */
  forwarded: number;
  /** Requests answered 502 or 504: the model server could not be reached, or did not answer in time. */
  upstreamFailures: number;
  /** Predictions answered (2xx to a POST to a prediction endpoint) not read: not JSON, or not the protocol's shape. */
  unreadable: number;
  /** Events stored (one per row of each prediction read). */
  recorded: number;
  /** Events not stored because an event was stored under their id before (a reused X-Request-Id). */
  duplicate: number;
  /** Events refused: for a model, or a version, the system does not declare. */
  refused: number;
  /** Events lost: the store failed, or too many were waiting to be stored. */
  lost: number;
}

export const newCounts = (): ProxyCounts => ({
  forwarded: 0,
  upstreamFailures: 0,
  unreadable: 0,
  recorded: 0,
  duplicate: 0,
  refused: 0,
  lost: 0,
});

/** One request forwarded and its answer. */
export interface Exchange {
  /** The request's path, without the query. */
  path: string;
  request: Buffer;
  response: Buffer;
  /** The answer's Content-Type. */
  responseType: string | undefined;
  /** When the request was forwarded, epoch ms. */
  at: number;
  latencyMs: number;
  /** The request's `X-Request-Id`: the id of its event (of its rows' events, suffixed `/0`, `/1`... when several). */
  requestId?: string;
}

export interface RecorderOptions {
  protocol: ProtocolName;
  paths?: JsonPaths;
  /** `--model`: the trained model every prediction is recorded for. */
  model?: string;
  /** How long events wait to be written with those that follow (default RECORD_EVERY_MS). */
  recordEveryMs?: number;
}

export const RECORD_EVERY_MS = 1000;
/**
 * Events written in one transaction at most; as many waiting are written in the next turn. Each
 * write holds the forwarding thread while its events are checked and windowed: 25 at a time kept
 * the proxy's p99 lower than 100 did (about 1.8–2.3 ms instead of 3 ms added to back-to-back
 * 32-row requests) at no more CPU; 10 cost more CPU with concurrent clients.
 */
const MAX_BATCH = 25;
/** Events waiting beyond this are dropped (and counted) rather than hold the proxy's memory. */
const MAX_WAITING = 100_000;
/** Distinct problems printed; later ones are only counted. */
const MAX_REPORTS = 20;

/** The prediction endpoint of each protocol, with the model (and version) the path names; json: every POST. */
const ENDPOINTS: Record<ProtocolName, RegExp> = {
  'kserve-v2': /\/v2\/models\/(?<model>[^/]+)(?:\/versions\/(?<version>[^/]+))?\/infer$/,
  tfserving: /\/v1\/models\/(?<model>[^/:]+)(?:\/versions\/(?<version>[^/:]+)|\/labels\/[^/:]+)?:predict$/,
  mlflow: /\/invocations$/,
  json: /(?:)/,
};

/** JSON.parse reads 1e999 as Infinity, which no statistic can use: POST /events refuses it too. */
function finite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) if (!finite(x)) return false;
  return true;
}

const isJson = (type: string | undefined) => type !== undefined && /[/+]json\b/i.test(type.split(';')[0] as string);

function decode(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class Recorder {
  private readonly read: Protocol;
  private readonly endpoint: RegExp;
  /** Names for unnamed values, per declared trained model, from its contract. */
  private readonly names = new Map<string, ProtocolOptions>();
  private waiting: Event[] = [];
  private writing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly reported = new Set<string>();

  constructor(
    private readonly served: MonitoredSystem,
    private readonly options: RecorderOptions,
    readonly counts: ProxyCounts,
    private readonly clock: Clock,
  ) {
    this.read = protocol(options.protocol, options.paths);
    this.endpoint = ENDPOINTS[options.protocol];
    for (const d of descriptorsOf(served.system, 'trained-model')) {
      const contract = Contract.compile(served.system, { model: d.name });
      this.names.set(d.name, {
        inputNames: contract.inputs?.fields.map((f) => f.name),
        outputNames: contract.outputs?.fields.map((f) => f.name),
      });
    }
  }

  /** Whether a POST to this path asks for predictions. */
  isPrediction(path: string): boolean {
    return this.endpoint.test(path);
  }

  /** Records a prediction (see `isPrediction`) answered 2xx. */
  record(exchange: Exchange): void {
    const events = this.events(exchange);
    if (!events.length) return;
    const room = MAX_WAITING - this.waiting.length;
    if (events.length > room) {
      this.counts.lost += events.length - room;
      this.report('events are coming faster than the store takes them; some are dropped');
    }
    this.waiting.push(...events.slice(0, Math.max(0, room)));
    this.schedule();
  }

  /** Writes every event waiting; resolves once they are stored (or counted lost). */
  async close(): Promise<void> {
    for (;;) {
      this.write();
      if (!this.writing) return;
      await this.writing;
    }
  }

  private events(x: Exchange): Event[] {
    const named = this.endpoint.exec(x.path)?.groups ?? {};
    const where = `POST ${x.path}`;
    if (!isJson(x.responseType))
      return this.unreadable(where, `the answer is ${x.responseType ?? 'without Content-Type'}, not JSON`);
    let request: unknown;
    let response: unknown;
    try {
      request = JSON.parse(x.request.toString('utf8'));
    } catch {
      return this.unreadable(where, 'the request body is not JSON');
    }
    try {
      response = JSON.parse(x.response.toString('utf8'));
    } catch {
      return this.unreadable(where, 'the answer is not JSON');
    }
    const model = this.model(decode(named.model));
    const records = this.read(request, response, model ? this.names.get(model) : undefined);
    const [e] = records.errors;
    if (e) return this.unreadable(where, `${e.side} ${e.pointer || '(the body)'}: ${e.message}`);
    if (!finite(records.inputs) || !finite(records.outputs))
      return this.unreadable(where, 'a number is out of range (JSON numbers must be finite)');
    const version =
      this.options.protocol === 'kserve-v2' &&
      typeof (response as { model_version?: unknown }).model_version === 'string'
        ? (response as { model_version: string }).model_version
        : decode(named.version);
    const timestamp = new Date(x.at).toISOString();
    const latency_ms = Math.round(x.latencyMs * 1000) / 1000;
    // KServe v2 requests carry their own id; a client's X-Request-Id comes first.
    const bodyId = request !== null && typeof request === 'object' ? (request as { id?: unknown }).id : undefined;
    const id = x.requestId ?? (typeof bodyId === 'string' && bodyId ? bodyId : undefined);
    const rows = records.inputs.length;
    // Fields set one by one, always in this order: events of one shape, cheap to make and to read.
    return records.inputs.map((inputs, i) => {
      const event: Event = {};
      if (id !== undefined) event.id = rows === 1 ? id : `${id}/${i}`;
      event.timestamp = timestamp;
      if (model !== undefined) event.model = model;
      if (version) event.model_version = version;
      event.inputs = inputs;
      event.outputs = records.outputs[i];
      event.latency_ms = latency_ms;
      return event;
    });
  }

  /** `--model`, else the model the path names when it is declared, else the system's only model. */
  private model(named: string | undefined): string | undefined {
    if (this.options.model) return this.options.model;
    if (named !== undefined && this.names.has(named)) return named;
    return this.names.size === 1 ? (this.names.keys().next().value as string) : undefined;
  }

  private unreadable(where: string, problem: string): Event[] {
    this.counts.unreadable++;
    this.report(`a prediction is not recorded: ${problem}`, where);
    return [];
  }

  /** Writes soon: in the next turn when a full batch waits, else after `recordEveryMs`. */
  private schedule(): void {
    if (this.writing || this.timer || !this.waiting.length) return;
    const delay = this.waiting.length >= MAX_BATCH ? 0 : (this.options.recordEveryMs ?? RECORD_EVERY_MS);
    this.timer = setTimeout(() => this.write(), delay).unref();
  }

  /** Writes what waits, unless a write is under way; what comes meanwhile waits for the next. */
  private write(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || !this.waiting.length) return;
    this.writing = this.drain().finally(() => {
      this.writing = undefined;
      this.schedule();
    });
  }

  private async drain(): Promise<void> {
    const batch = this.waiting.splice(0, MAX_BATCH);
    try {
      const valid = batch.map((value, index) => ({ index, value }));
      const ingested = await ingestEvents(this.served, valid, [], this.clock.now());
      this.counts.recorded += ingested.accepted - ingested.duplicates.length;
      this.counts.duplicate += ingested.duplicates.length;
      if (ingested.duplicates.length)
        this.report(
          'a prediction is not recorded: an event is stored under its id already (is an X-Request-Id reused?)',
          `id ${ingested.duplicates[0]}`,
        );
      this.counts.refused += ingested.rejected.length;
      for (const r of ingested.rejected) this.report(`an event is refused: ${itemProblems(r)}`);
    } catch (e) {
      this.counts.lost += batch.length;
      this.report(`events are lost: ${(e as Error).message}`);
    }
  }

  /** Prints a problem the first time it is seen, up to MAX_REPORTS of them. */
  private report(problem: string, where?: string): void {
    if (this.reported.has(problem) || this.reported.size >= MAX_REPORTS) return;
    this.reported.add(problem);
    const more = this.reported.size === MAX_REPORTS ? '; further problems are counted, not printed' : '';
    process.stderr.write(
      `dovetail serve: proxy of ${this.served.name}: ${problem}${where ? ` (first: ${where})` : ''}${more}\n`,
    );
  }
}

const itemProblems = (r: Rejected) => r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
