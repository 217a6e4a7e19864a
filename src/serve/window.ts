// Tumbling windows over one model's events, and the observation each closed window becomes (DESIGN §2,
// §7): profiles of inputs and outputs, latency with its percentiles, throughput, resource use, metrics,
// logs and feedback received, and the contract tally.
//
// Windows are aligned on multiples of the duration (epoch time), so every service instance puts an event
// in the same window, and partial observations of one span from several instances merge. A window also
// closes after `maxEvents` events; the next one then runs to the same aligned end. Events are placed by
// their own timestamp; one older than the open window (late) is counted in it, as `late`.
//
// Merging observations: exact for counts, min/max, histograms, distinct-count registers, frequent
// values under their cap, confusion counts and the contract tally (within the names a window keeps
// apart, names.ts); moments (means) to rounding; the latency percentiles within the quantile sketch's
// stated rank error.
import { ColumnSummary, type SketchOptions } from '../data/profile/column.js';
import { mergeProfileList } from '../data/profile/merge.js';
import { type ColumnProfile, type Profile, ProfileBuilder } from '../data/profile/profile.js';
import { MAX_VALUE_CHARS } from '../data/sketch/frequent.js';
import { type KllSketch, kllRankError } from '../data/sketch/kll.js';
import { Moments, type MomentsJSON } from '../data/sketch/moments.js';
import type { System } from '../descriptors/system.js';
import { parseBytes, parseCpu } from '../descriptors/units.js';
import { ContractTally, type ContractTallyJSON, type Violation } from './contract.js';
import { UTC_MS } from './events.js';
import { keptName, MAX_NAMES } from './names.js';

export { windowId } from './window-id.js';

export const OBSERVATION_VERSION = 1;
export const DEFAULT_WINDOW_MS = 5 * 60_000;
/**
 * Rows buffered before their columns are profiled, each in one go (a batch hashes each distinct value
 * once)...
 */
export const PROFILE_BATCH = 1024;
/** ...or fewer, once their texts and nested values (long texts, tensors) take about this many bytes. */
const PROFILE_BATCH_BYTES = 16 * 1024 * 1024;
const PERCENTILES = [0.5, 0.95, 0.99] as const;

/** What a window reads of an event. */
export interface WindowEvent {
  id?: string;
  /** Epoch milliseconds or ISO 8601. */
  timestamp: number | string;
  inputs?: Record<string, unknown> | null;
  outputs?: Record<string, unknown> | null;
  latency_ms?: number | null;
  /** cpu in cores, memory in bytes (numbers, or text with a unit such as 500m or 512Mi), gpu as given. */
  resources?: { cpu?: number | string; memory?: number | string; gpu?: number } | null;
  metrics?: Record<string, number> | null;
  /** A log record's name, or {name (or log), level}; other fields and values that are not text are ignored. */
  logs?: readonly unknown[] | null;
}

/** Ground truth or user feedback joined to the event it is about. */
export interface WindowFeedback {
  kind: 'ground_truth' | 'user';
  /** The feedback's name, as the trained model's user_system_feedback declares it. */
  name?: string;
  actual?: Record<string, unknown> | null;
  /** The outputs of the event the feedback is about, when the event is known. */
  outputs?: Record<string, unknown> | null;
}

/** How a classifier's outputs and ground truth become the classes of a confusion matrix. */
export interface Classification {
  /** The output holding the predicted class, or the score compared with `threshold`. */
  output: string;
  /** The field of `actual` holding the true class. */
  actual: string;
  /** Predicted class is `true` when the output is at least this, else `false`. */
  threshold?: number;
}

export interface WindowOptions {
  model?: { name: string; version?: string };
  /** Declared column types (from the contract) for the profiles; other columns are inferred. */
  inputTypes?: Record<string, string>;
  outputTypes?: Record<string, string>;
  classification?: Classification;
  /** Sketch parameters of the profiles and the latency; equal on every instance whose windows merge. */
  sketch?: SketchOptions;
  maxExamples?: number;
}

/** count, min, max and mean of a measurement, with the moments they merge from. */
export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  moments: MomentsJSON;
}

export interface LatencyJSON {
  /** Milliseconds: the column summary (histogram, quantile sketch) the percentiles come from. */
  summary: ColumnProfile;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Normalized rank error of each percentile at 99% confidence; 0 while the sketch holds every value. */
  rank_error: number;
}

export interface Observation {
  dovetail_observation: typeof OBSERVATION_VERSION;
  model?: { name: string; version?: string };
  window: { start: string; end: string };
  events: number;
  /** Events older than the window they were counted in. */
  late: number;
  first_event: string | null;
  last_event: string | null;
  throughput: { events_per_second: number };
  inputs: Profile;
  outputs: Profile;
  latency: LatencyJSON;
  resources: { cpu: Summary; memory: Summary; gpu: Summary };
  metrics: Record<string, Summary>;
  logs: { by_name: Record<string, number>; by_level: Record<string, number> };
  feedback: {
    ground_truth: number;
    user: number;
    by_name: Record<string, number>;
    /** Ground truth with a known prediction: counts[actual class][predicted class]. */
    confusion: (Classification & { counts: Record<string, Record<string, number>> }) | null;
  };
  contract: ContractTallyJSON;
}

/** Window length and count from the system's settings (`window`, `window_events` in dovetail.yaml). */
export function windowSettings(system: System): { durationMs: number; maxEvents?: number } {
  const settings = system.project?.settings;
  return { durationMs: settings?.window ?? DEFAULT_WINDOW_MS, maxEvents: settings?.window_events };
}

function epochMs(timestamp: number | string): number {
  const t = typeof timestamp === 'number' ? timestamp : Date.parse(timestamp);
  if (!Number.isFinite(t)) throw new RangeError(`not a timestamp: ${JSON.stringify(timestamp)}`);
  return t;
}

const iso = (ms: number) => new Date(ms).toISOString();

function summary(m: Moments): Summary {
  const n = m.n;
  return { count: n, min: n ? m.min : null, max: n ? m.max : null, mean: n ? m.mean : null, moments: m.toJSON() };
}

export function mergeSummaries(a: Summary, b: Summary): Summary {
  return summary(Moments.fromJSON(a.moments).merge(Moments.fromJSON(b.moments)));
}

function latencyJSON(c: ColumnSummary): LatencyJSON {
  const kll = c.kll as KllSketch;
  const [p50, p95, p99] = PERCENTILES.map((q) => (kll.n ? kll.quantile(q) : null));
  return {
    summary: c.toJSON(),
    p50: p50 ?? null,
    p95: p95 ?? null,
    p99: p99 ?? null,
    rank_error: kll.exact ? 0 : kllRankError(kll.k),
  };
}

function addCount(counts: Record<string, number>, name: string, n = 1): Record<string, number> {
  const key = keptName(counts, name);
  counts[key] = (counts[key] ?? 0) + n;
  return counts;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [k, n] of Object.entries(from)) addCount(into, k, n);
  return into;
}

/** A measurement given as a number or as text with a unit. */
function quantity(v: number | string | undefined, parse: (text: string) => { ok: boolean; value: number }) {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const r = parse(v);
  return r.ok ? r.value : undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Roughly the bytes a JSON value takes in memory; an array's first element stands for all of them (tensors). */
function bytesOf(value: unknown): number {
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value !== 'object' || value === null) return 8;
  if (Array.isArray(value)) return value.length * bytesOf(value[0]);
  return bulkOf(value as Record<string, unknown>);
}

/** The bytes of a record's texts and nested values, roughly: numbers and flags are not counted. */
function bulkOf(record: Record<string, unknown>): number {
  let bytes = 0;
  for (const k in record) {
    const v = record[k];
    if (typeof v === 'string' || (typeof v === 'object' && v !== null)) bytes += bytesOf(v);
  }
  return bytes;
}

/**
 * The fields of one side a window profiles: every declared one, and the first MAX_NAMES others no
 * longer than MAX_VALUE_CHARS; the values of further fields are left out.
 */
class ProfiledFields {
  private readonly others = new Set<string>();

  constructor(private readonly declared: Record<string, string> = {}) {}

  has(field: string): boolean {
    if (Object.hasOwn(this.declared, field) || this.others.has(field)) return true;
    if (this.others.size >= MAX_NAMES || field.length > MAX_VALUE_CHARS) return false;
    this.others.add(field);
    return true;
  }
}

/** Rows as columns of the fields profiled, for ProfileBuilder.addBatch: a field a row lacks is missing in that row. */
function columnsOf(rows: readonly Record<string, unknown>[], fields: ProfiledFields): Map<string, unknown[]> {
  const columns = new Map<string, unknown[]>();
  const left = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    for (const key in row) {
      let column = columns.get(key);
      if (!column) {
        if (left.has(key)) continue;
        if (!fields.has(key)) {
          left.add(key);
          continue;
        }
        column = new Array(rows.length);
        columns.set(key, column);
      }
      column[i] = row[key];
    }
  }
  return columns;
}

/** One open window: events and feedback go in, an observation comes out. */
export class Window {
  events = 0;
  late = 0;
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;
  private readonly inputs: ProfileBuilder;
  private readonly outputs: ProfileBuilder;
  private readonly inputFields: ProfiledFields;
  private readonly outputFields: ProfiledFields;
  private inputRows: Record<string, unknown>[] = [];
  private outputRows: Record<string, unknown>[] = [];
  /** bulkOf the rows buffered. */
  private rowBytes = 0;
  /**
   * Columns of the rows buffered before, not profiled yet: one is profiled every `columnEvery` events
   * added, so that the buffer's columns are done by the time it is full again. Profiling them all at
   * once held up the thread for milliseconds, and the requests the proxy forwards on it.
   */
  private backlog: { profile: ProfileBuilder; name: string; values: unknown[] }[] = [];
  private columnEvery = 1;
  private sinceColumn = 0;
  private latencies: number[] = [];
  private readonly latency: ColumnSummary;
  private readonly resources = { cpu: new Moments(), memory: new Moments(), gpu: new Moments() };
  private readonly metrics = new Map<string, Moments>();
  private readonly logsByName: Record<string, number> = {};
  private readonly logsByLevel: Record<string, number> = {};
  private readonly feedback = { ground_truth: 0, user: 0, by_name: {} as Record<string, number> };
  private readonly confusion: Record<string, Record<string, number>> = {};
  readonly tally: ContractTally;

  constructor(
    /** Epoch milliseconds; the window is [start, end). */
    readonly start: number,
    public end: number,
    private readonly options: WindowOptions = {},
  ) {
    const created = iso(end);
    this.inputs = new ProfileBuilder({ ...options.sketch, types: options.inputTypes, created });
    this.outputs = new ProfileBuilder({ ...options.sketch, types: options.outputTypes, created });
    this.inputFields = new ProfiledFields(options.inputTypes);
    this.outputFields = new ProfiledFields(options.outputTypes);
    this.latency = ColumnSummary.create('latency_ms', 'float', options.sketch);
    this.tally = new ContractTally(options.maxExamples);
  }

  /** Adds an event with the contract violations it was found to have; `t` is its timestamp in epoch ms. */
  add(event: WindowEvent, violations: readonly Violation[] = [], t = epochMs(event.timestamp)): this {
    this.events++;
    if (t < this.start) this.late++;
    if (t < this.first) this.first = t;
    if (t > this.last) this.last = t;
    if (event.inputs) {
      this.inputRows.push(event.inputs);
      this.rowBytes += bulkOf(event.inputs);
    }
    if (event.outputs) {
      this.outputRows.push(event.outputs);
      this.rowBytes += bulkOf(event.outputs);
    }
    if (typeof event.latency_ms === 'number') this.latencies.push(event.latency_ms);
    if (this.rowBytes >= PROFILE_BATCH_BYTES) {
      // Rows this heavy are profiled at once: the memory they hold is why the buffer is cut short.
      this.queueRows();
      this.profileBacklog();
    } else if (this.inputRows.length >= PROFILE_BATCH || this.outputRows.length >= PROFILE_BATCH) this.queueRows();
    else if (this.backlog.length && ++this.sinceColumn >= this.columnEvery) {
      this.sinceColumn = 0;
      this.profileColumn();
    }
    const r = event.resources;
    if (r) {
      this.resources.cpu.add(quantity(r.cpu, parseCpu));
      this.resources.memory.add(quantity(r.memory, parseBytes));
      this.resources.gpu.add(r.gpu);
    }
    if (event.metrics) {
      for (const name in event.metrics) {
        const key = keptName(this.metrics, name);
        let m = this.metrics.get(key);
        if (!m) {
          m = new Moments();
          this.metrics.set(key, m);
        }
        m.add(event.metrics[name]);
      }
    }
    for (const log of event.logs ?? []) {
      const record = log !== null && typeof log === 'object' ? (log as Record<string, unknown>) : {};
      const name = typeof log === 'string' ? log : (text(record.name) ?? text(record.log));
      if (name) addCount(this.logsByName, name);
      const level = text(record.level);
      if (level) addCount(this.logsByLevel, level.toLowerCase());
    }
    if (violations.length) {
      // Stored events hold their timestamp in this form already.
      const at = typeof event.timestamp === 'string' && UTC_MS.test(event.timestamp) ? event.timestamp : iso(t);
      this.tally.add(violations, { id: event.id, timestamp: at });
    } else this.tally.add(violations);
    return this;
  }

  addFeedback(feedback: WindowFeedback): this {
    this.feedback[feedback.kind]++;
    if (feedback.name) addCount(this.feedback.by_name, feedback.name);
    const c = this.options.classification;
    if (c && feedback.kind === 'ground_truth') {
      const predicted = feedback.outputs?.[c.output];
      const actual = feedback.actual?.[c.actual];
      if (predicted != null && actual != null) {
        const predictedClass = c.threshold === undefined ? String(predicted) : String(Number(predicted) >= c.threshold);
        const key = keptName(this.confusion, String(actual));
        this.confusion[key] = addCount(this.confusion[key] ?? {}, predictedClass);
      }
    }
    return this;
  }

  /** The buffered rows' columns into the backlog (what is left of the last one is profiled first). */
  private queueRows(): void {
    this.profileBacklog();
    const queue = (profile: ProfileBuilder, rows: Record<string, unknown>[], fields: ProfiledFields) => {
      for (const [name, values] of columnsOf(rows, fields)) this.backlog.push({ profile, name, values });
    };
    queue(this.inputs, this.inputRows, this.inputFields);
    queue(this.outputs, this.outputRows, this.outputFields);
    this.columnEvery = Math.max(1, Math.floor(PROFILE_BATCH / (this.backlog.length + 1)));
    this.sinceColumn = 0;
    if (this.latencies.length) this.latency.add(this.latencies);
    this.inputRows = [];
    this.outputRows = [];
    this.rowBytes = 0;
    this.latencies = [];
  }

  /**
   * Profiles one column of the backlog. The profile pads each column with missing values up to the
   * longest when it is built, as a batch of rows would: a column absent from some rows misses there.
   */
  private profileColumn(): void {
    const column = this.backlog.pop();
    column?.profile.addColumn(column.name, undefined, column.values);
  }

  private profileBacklog(): void {
    while (this.backlog.length) this.profileColumn();
  }

  close(): Observation {
    this.queueRows();
    this.profileBacklog();
    const metrics: Record<string, Summary> = {};
    for (const name of [...this.metrics.keys()].sort()) metrics[name] = summary(this.metrics.get(name) as Moments);
    const c = this.options.classification;
    return {
      dovetail_observation: OBSERVATION_VERSION,
      ...(this.options.model ? { model: this.options.model } : {}),
      window: { start: iso(this.start), end: iso(this.end) },
      events: this.events,
      late: this.late,
      first_event: this.events ? iso(this.first) : null,
      last_event: this.events ? iso(this.last) : null,
      throughput: { events_per_second: this.events / ((this.end - this.start) / 1000) },
      inputs: this.inputs.build(),
      outputs: this.outputs.build(),
      latency: latencyJSON(this.latency),
      resources: {
        cpu: summary(this.resources.cpu),
        memory: summary(this.resources.memory),
        gpu: summary(this.resources.gpu),
      },
      metrics,
      logs: { by_name: { ...this.logsByName }, by_level: { ...this.logsByLevel } },
      feedback: {
        ground_truth: this.feedback.ground_truth,
        user: this.feedback.user,
        by_name: { ...this.feedback.by_name },
        confusion: c ? { ...c, counts: structuredClone(this.confusion) } : null,
      },
      contract: this.tally.toJSON(),
    };
  }
}

/**
 * Merges observations of one model: partial windows of one span from several instances, or
 * consecutive windows into a longer one (the span covers them all; throughput is over that span).
 */
export function mergeObservations(first: Observation, ...rest: Observation[]): Observation {
  let out = first;
  for (const b of rest) out = mergeTwo(out, b);
  return out;
}

function mergeTwo(a: Observation, b: Observation): Observation {
  if (JSON.stringify(a.model) !== JSON.stringify(b.model))
    throw new Error(`cannot merge observations of ${JSON.stringify(a.model)} and ${JSON.stringify(b.model)}`);
  const ca = a.feedback.confusion;
  const cb = b.feedback.confusion;
  if (
    (ca && cb && (ca.output !== cb.output || ca.actual !== cb.actual || ca.threshold !== cb.threshold)) ||
    !ca !== !cb
  )
    throw new Error('cannot merge observations whose confusion counts classify differently');
  const start = a.window.start < b.window.start ? a.window.start : b.window.start;
  const end = a.window.end > b.window.end ? a.window.end : b.window.end;
  const events = a.events + b.events;
  const earliest = (x: string | null, y: string | null) => (x === null ? y : y === null || x < y ? x : y);
  const latest = (x: string | null, y: string | null) => (x === null ? y : y === null || x > y ? x : y);
  const latency = ColumnSummary.fromJSON('latency_ms', a.latency.summary).merge(
    ColumnSummary.fromJSON('latency_ms', b.latency.summary),
  );
  const metrics: Record<string, Summary> = {};
  for (const name of [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])].sort()) {
    const key = keptName(metrics, name);
    for (const s of [a.metrics[name], b.metrics[name]])
      if (s) metrics[key] = metrics[key] ? mergeSummaries(metrics[key], s) : s;
  }
  let confusion: Observation['feedback']['confusion'] = null;
  if (ca && cb) {
    const counts = structuredClone(ca.counts);
    for (const [actual, row] of Object.entries(cb.counts)) {
      const key = keptName(counts, actual);
      counts[key] = addCounts(counts[key] ?? {}, row);
    }
    confusion = { ...ca, counts };
  }
  return {
    ...a,
    window: { start, end },
    events,
    late: a.late + b.late,
    first_event: earliest(a.first_event, b.first_event),
    last_event: latest(a.last_event, b.last_event),
    throughput: { events_per_second: events / ((Date.parse(end) - Date.parse(start)) / 1000) },
    inputs: mergeProfileList([a.inputs, b.inputs], { created: end }),
    outputs: mergeProfileList([a.outputs, b.outputs], { created: end }),
    latency: latencyJSON(latency),
    resources: {
      cpu: mergeSummaries(a.resources.cpu, b.resources.cpu),
      memory: mergeSummaries(a.resources.memory, b.resources.memory),
      gpu: mergeSummaries(a.resources.gpu, b.resources.gpu),
    },
    metrics,
    logs: {
      by_name: addCounts({ ...a.logs.by_name }, b.logs.by_name),
      by_level: addCounts({ ...a.logs.by_level }, b.logs.by_level),
    },
    feedback: {
      ground_truth: a.feedback.ground_truth + b.feedback.ground_truth,
      user: a.feedback.user + b.feedback.user,
      by_name: addCounts({ ...a.feedback.by_name }, b.feedback.by_name),
      confusion,
    },
    contract: ContractTally.fromJSON(a.contract).merge(ContractTally.fromJSON(b.contract)).toJSON(),
  };
}

export interface TumblingOptions extends WindowOptions {
  /** Window length; default 5 minutes. */
  durationMs?: number;
  /** Close a window after this many events, before its end if need be. */
  maxEvents?: number;
}

/** Tumbling windows by time and by count, whichever comes first. */
export class TumblingWindows {
  private open?: Window;
  /** End of the last window closed by count, where the next one starts. */
  private resume = Number.NEGATIVE_INFINITY;
  readonly durationMs: number;

  constructor(private readonly options: TumblingOptions = {}) {
    this.durationMs = options.durationMs ?? DEFAULT_WINDOW_MS;
    if (!(this.durationMs > 0)) throw new RangeError('window duration must be positive');
  }

  /** The open window, if any. */
  get current(): Window | undefined {
    return this.open;
  }

  /** Adds an event; returns the windows it closed (the one it ends by time, the one it fills by count). */
  add(event: WindowEvent, violations: readonly Violation[] = []): Observation[] {
    const t = epochMs(event.timestamp);
    const closed = this.flush(t);
    if (!this.open) {
      const bucket = Math.floor(t / this.durationMs) * this.durationMs;
      const start = Math.max(bucket, Math.min(this.resume, t));
      this.open = new Window(start, bucket + this.durationMs, this.options);
    }
    this.open.add(event, violations, t);
    const max = this.options.maxEvents;
    if (max !== undefined && this.open.events >= max) {
      this.open.end = Math.max(this.open.start, t) + 1;
      this.resume = this.open.end;
      closed.push(this.close() as Observation);
    }
    return closed;
  }

  /** Adds feedback to the open window (opening none: feedback alone makes no window). */
  addFeedback(feedback: WindowFeedback): this {
    this.open?.addFeedback(feedback);
    return this;
  }

  /** Closes the open window if `now` (epoch ms) is past its end: call on a timer when traffic is idle. */
  flush(now: number): Observation[] {
    return this.open && now >= this.open.end ? [this.close() as Observation] : [];
  }

  /** Closes the open window now, at its planned end (on shutdown; its partial merges with the rest). */
  close(): Observation | undefined {
    const w = this.open;
    this.open = undefined;
    return w?.close();
  }
}
