// The run-time checks of one served system (DESIGN §7): each stored event is checked against its
// trained model's contract and counted in that model's tumbling windows; feedback joins the window
// of its event's model. A closed window is stored, merged with the partial windows other instances
// stored for the same span, and becomes the model's latest observation; then the runtime phase of
// the rules runs on declared + observed facts and the findings are recorded (open, update, resolve).

import { descriptorsOf, type System } from '../descriptors/system.js';
import { catalogue } from '../rules/catalogue.js';
import { profileComparisons } from '../rules/data-distribution/profile-comparison.js';
import { runRules } from '../rules/engine.js';
import { factsOf } from '../rules/facts.js';
import { digestOf, type ModelObserved, mergeDigests, type WindowDigest } from '../rules/observed.js';
import type { ItemError } from './batch.js';
import { Contract } from './contract.js';
import type { DriftScore, MonitorListener } from './listener.js';
import type { ClosedWindow, FeedbackJoin, FeedbackRecord, Sequenced } from './store/store.js';
import type { ServedSystem } from './systems.js';
import {
  type Classification,
  mergeObservations,
  type Observation,
  TumblingWindows,
  windowId,
  windowSettings,
} from './window.js';

/** `--window` and `--window-events`: they override the system's `window` and `window_events`. */
export interface WindowOverrides {
  durationMs?: number;
  maxEvents?: number;
}

export interface MonitorOptions {
  window?: WindowOverrides;
  listeners?: readonly MonitorListener[];
  /** `--retain`: overrides the system's `retention` of raw events (ms). */
  retentionMs?: number;
}

/** How often events past their retention are deleted. */
const EXPIRE_EVERY_MS = 3_600_000;

/** Events read at a time when open windows are refilled after a restart. */
const RESTORE_PAGE = 10_000;
/** Closed windows checked at a time while a batch is windowed. */
const CHECK_EVERY = 64;
/** How far back window digests are kept when no declared metric asks for longer. */
const MIN_HISTORY_MS = 24 * 3600_000;
/**
 * Window digests a model keeps at most: past that, the older ones are merged in pairs, so that many
 * windows a second (a small `window_events` under heavy traffic) hold a bounded history.
 */
const MAX_HISTORY = 4096;
/** The latest digests, never merged: a later part of their window (a late event, another instance) replaces one. */
const RECENT_DIGESTS = 256;

/** `history` with its digests before the latest RECENT_DIGESTS merged in consecutive pairs. */
function coarsened(history: readonly WindowDigest[]): WindowDigest[] {
  const old = history.length - RECENT_DIGESTS;
  const out: WindowDigest[] = [];
  for (let i = 0; i + 1 < old; i += 2)
    out.push(mergeDigests(history[i] as WindowDigest, history[i + 1] as WindowDigest));
  if (old % 2) out.push(history[old - 1] as WindowDigest);
  return [...out, ...history.slice(old)];
}

/** What the monitor accumulates about one model beyond its open window. */
interface Seen {
  since?: string;
  events: number;
  windows: number;
  /** The names of each kind the model's descriptor declares that were received (only those matter). */
  metrics: Set<string>;
  logs: Set<string>;
  feedback: Set<string>;
  groundTruth: number;
  userFeedback: number;
  history: WindowDigest[];
  latest?: { observation: Observation; window: string };
}

interface Model {
  contract: Contract;
  /** The metric, log and feedback names the model's descriptor declares. */
  declared: { metrics: ReadonlySet<string>; logs: ReadonlySet<string>; feedback: ReadonlySet<string> };
  windows: TumblingWindows;
  seen: Seen;
  /** The arrival position of the last event added to the windows (0: none). */
  windowed: number;
}

/** The classification the settings give a model, with the setting's place for messages. */
function classificationOf(system: System, model: string, only: boolean): Classification | undefined {
  const entries = system.project?.settings?.classification ?? [];
  for (const [i, entry] of entries.entries()) {
    if (entry.model !== undefined && !descriptorsOf(system, 'trained-model').some((d) => d.name === entry.model))
      throw new Error(`dovetail.yaml settings.classification[${i}].model: no trained model "${entry.model}"`);
  }
  const entry = entries.find((e) => e.model === model || (e.model === undefined && only));
  return entry && { output: entry.output, actual: entry.actual, threshold: entry.threshold };
}

/** The longest window a model's monitored metrics are declared over (recall-7d over 7d). */
function historySpan(system: System): number {
  let span = MIN_HISTORY_MS;
  for (const d of descriptorsOf(system, 'trained-model')) {
    for (const m of [...(d.data.algorithm_metrics ?? []), ...(d.data.business_metrics ?? [])]) {
      if (m.window !== undefined && m.window > span) span = m.window;
    }
  }
  return span;
}

export class Monitor {
  private readonly models = new Map<string, Model>();
  private readonly listeners: readonly MonitorListener[];
  private readonly historyMs: number;
  private readonly retentionMs: number | undefined;
  /** When events were last expired (epoch ms). */
  private expired = Number.NEGATIVE_INFINITY;
  /** Batches of events being windowed, one after the other. */
  private adding: Promise<void> = Promise.resolve();
  /** Windows are closed and checked one batch after the other, so a shutdown waits for those under way. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly served: ServedSystem,
    options: MonitorOptions = {},
  ) {
    this.listeners = options.listeners ?? [];
    const settings = windowSettings(served.system);
    const durationMs = options.window?.durationMs ?? settings.durationMs;
    const maxEvents = options.window?.maxEvents ?? settings.maxEvents;
    this.historyMs = historySpan(served.system);
    this.retentionMs = options.retentionMs ?? served.system.project?.settings?.retention;
    const models = descriptorsOf(served.system, 'trained-model');
    for (const d of models) {
      const contract = Contract.compile(served.system, { model: d.name });
      const windows = new TumblingWindows({
        durationMs,
        maxEvents,
        model: contract.model,
        inputTypes: contract.types('input'),
        outputTypes: contract.types('output'),
        classification: classificationOf(served.system, d.name, models.length === 1),
      });
      const seen: Seen = {
        events: 0,
        windows: 0,
        metrics: new Set(),
        logs: new Set(),
        feedback: new Set(),
        groundTruth: 0,
        userFeedback: 0,
        history: [],
      };
      const declared = {
        metrics: new Set(
          [...(d.data.algorithm_metrics ?? []), ...(d.data.business_metrics ?? [])].map((m) => m.metric),
        ),
        logs: new Set((d.data.log_data ?? []).map((l) => l.log)),
        feedback: new Set((d.data.user_system_feedback ?? []).map((f) => f.short_name)),
      };
      this.models.set(d.name, { contract, declared, windows, seen, windowed: 0 });
    }
  }

  /** The model an event names, or the system's only one when it names none. */
  private model(name: string | undefined): Model | undefined {
    if (name !== undefined) return this.models.get(name);
    return this.models.size === 1 ? (this.models.values().next().value as Model) : undefined;
  }

  /** Why an event cannot be checked (no such model, or another version), or undefined when it can. */
  refusal(event: { model?: string; model_version?: string }): ItemError | undefined {
    const model = this.model(event.model);
    if (!model) {
      const names = [...this.models.keys()];
      if (!names.length)
        return { path: '', message: `${this.served.name} declares no trained model to check events against` };
      const declared = `declared: ${names.join(', ')}`;
      return event.model === undefined
        ? {
            path: '/model',
            message: `name the model: ${this.served.name} has ${names.length} trained models (${declared})`,
          }
        : { path: '/model', message: `${this.served.name} has no trained model "${event.model}" (${declared})` };
    }
    const version = model.contract.model.version;
    if (event.model_version !== undefined && version !== undefined && event.model_version !== version) {
      return {
        path: '/model_version',
        message: `trained model "${model.contract.model.name}" is declared at version ${version}, not ${event.model_version}`,
      };
    }
    return undefined;
  }

  /**
   * Checks and windows events that are stored (and were not refused); checks the windows they close.
   * Batches are windowed one after the other, in the order they were stored (restore relies on it).
   */
  add(events: readonly Sequenced[], now: number): Promise<void> {
    const work = this.adding.then(() => this.window(events, now));
    this.adding = work.catch(() => {});
    return work;
  }

  /**
   * Windows events, checking the windows they close every CHECK_EVERY: a batch spanning many windows
   * (a replay of past traffic) holds that many closed windows in memory at a time, not all of them.
   */
  private async window(events: readonly Sequenced[], now: number): Promise<void> {
    let closed: ClosedWindow[] = [];
    for (const { event, seq } of events) {
      const model = this.model(event.model);
      if (!model) continue;
      const before = model.windowed;
      model.windowed = Math.max(before, seq);
      const observations = model.windows.add(event, model.contract.check(event));
      // A window the event filled holds it (none is open after); one it ended by time does not.
      const lastSeq = model.windows.current ? before : model.windowed;
      for (const observation of observations) closed.push({ observation, lastSeq });
      if (closed.length >= CHECK_EVERY) {
        await this.closed(closed, now);
        closed = [];
      }
    }
    await this.closed(closed, now);
  }

  /** Adds the feedback stored, with the event each item joins, to the open window of that event's model. */
  addFeedback(feedback: readonly FeedbackRecord[], joins: readonly FeedbackJoin[]): void {
    feedback.forEach((f, i) => {
      const event = joins[i];
      if (typeof event === 'object')
        this.model(event.model)?.windows.addFeedback({
          kind: f.kind,
          name: f.name,
          actual: f.actual,
          outputs: event.outputs,
        });
    });
  }

  /**
   * Closes and checks the windows whose end `now` (epoch ms) has passed, and, once an hour, deletes
   * the events older than the retention: call on a timer.
   */
  async flush(now: number): Promise<void> {
    await this.closed(
      [...this.models.values()].flatMap((m) =>
        m.windows.flush(now).map((o) => ({ observation: o, lastSeq: m.windowed })),
      ),
      now,
    );
    if (this.retentionMs !== undefined && now - this.expired >= EXPIRE_EVERY_MS) {
      this.expired = now;
      const before = new Date(now - this.retentionMs).toISOString();
      await this.served.store.deleteEventsReceivedBefore(this.served.name, before);
    }
  }

  /**
   * Closes and stores the open windows (on shutdown), after the batches being windowed and the windows
   * being checked.
   */
  async close(now: number): Promise<void> {
    await this.adding;
    return this.closed(
      [...this.models.values()].flatMap((m) => {
        const observation = m.windows.close();
        return observation ? [{ observation, lastSeq: m.windowed }] : [];
      }),
      now,
    );
  }

  /**
   * Refills the open windows after a restart: the stored events of each model past the last one its
   * closed windows hold (every event, for a model with none) go through the windows again, as if
   * just ingested. Returns how many. Several instances sharing one database must be named for this
   * (`--instance`): an unnamed instance refills every instance's events, counting again those the
   * others received meanwhile.
   */
  async restore(now: number): Promise<number> {
    const { store, name } = this.served;
    const closed = await store.lastClosed(name);
    for (const [m, model] of this.models) model.windowed = closed.get(m) ?? 0;
    const windowed = [...this.models.values()].map((m) => m.windowed);
    if (!windowed.length) return 0;
    const only = this.models.size === 1 ? [...this.models.keys()][0] : undefined;
    let restored = 0;
    // Page by page: an open window may hold more events than fit in memory at once.
    let after = Math.min(...windowed);
    for (;;) {
      const page = await store.eventsToRefill(name, { after, limit: RESTORE_PAGE });
      const last = page.at(-1);
      if (!last) break;
      const events = page.flatMap((e) => {
        const model = e.model ?? only;
        return model !== undefined && e.seq > (closed.get(model) ?? 0) ? [{ event: e, seq: e.seq }] : [];
      });
      await this.add(events, now);
      restored += events.length;
      after = last.seq;
    }
    return restored;
  }

  /** Tells the listeners a batch of events or feedback was answered. */
  ingested(what: 'events' | 'feedback', accepted: number, rejected: number): void {
    void this.tell((l) => l.ingested?.(this.served.name, what, accepted, rejected));
  }

  /** Tells the listeners the findings open at start (the design check recorded by serveSystems). */
  async announce(): Promise<void> {
    const open = await this.served.store.findings(this.served.name, { status: 'open' });
    await this.tell((l) =>
      l.findingsChanged?.(this.served.name, { phase: 'design', opened: [], updated: [], resolved: [], open }),
    );
  }

  private closed(windows: readonly ClosedWindow[], now: number): Promise<void> {
    if (!windows.length) return this.writing;
    const work = this.writing.then(() => this.check(windows, now));
    this.writing = work.catch(() => {});
    return work;
  }

  /**
   * This instance's whole part of each window closed: a window closed before and reopened (an event
   * older than the open window, or a flush by the clock before its last events came) is merged with
   * the part this instance stored then, which the store then replaces.
   */
  private async ownParts(windows: readonly ClosedWindow[]): Promise<ClosedWindow[]> {
    const stored = await this.served.store.ownObservations(
      this.served.name,
      windows.map((w) => windowId(w.observation)),
    );
    const parts = new Map<string, ClosedWindow>();
    for (const { observation, lastSeq } of windows) {
      const id = windowId(observation);
      const part = parts.get(id);
      const before = part?.observation ?? stored.get(id);
      parts.set(id, {
        observation: before ? mergeObservations(before, observation) : observation,
        lastSeq: Math.max(lastSeq, part?.lastSeq ?? lastSeq),
      });
    }
    return [...parts.values()];
  }

  /** Stores closed windows, makes each the latest of its model, runs the runtime rules once, records them. */
  private async check(windows: readonly ClosedWindow[], now: number): Promise<void> {
    const { store, name } = this.served;
    const at = new Date(now).toISOString();
    await store.addObservations(name, await this.ownParts(windows), at);
    const observations = windows.map((w) => w.observation);
    const stored = await store.windowObservations(name, observations.map(windowId));
    let last = '';
    for (const partial of observations) {
      const id = windowId(partial);
      const parts = stored.get(id);
      const merged = parts?.length ? mergeObservations(...(parts as [Observation, ...Observation[]])) : partial;
      const model = partial.model && this.models.get(partial.model.name);
      if (model) this.observe(model, merged, partial, id);
      last = id;
    }
    const observed = this.observed();
    const drift = this.driftScores(observed);
    // Listeners hear this instance's part of each window: counters summed over instances stay right.
    for (const o of observations) {
      const model = o.model?.name;
      await this.tell((l) =>
        l.observed?.(
          name,
          o,
          drift.filter((d) => d.model === model),
        ),
      );
    }
    const result = runRules(this.served.system, catalogue, { phase: 'runtime', observed });
    for (const f of result.failures)
      process.stderr.write(`dovetail serve: rule ${f.rule} failed on ${name} and was skipped: ${f.message}\n`);
    const changes = await store.recordFindings(name, 'runtime', result.findings, at, last);
    const open = await store.findings(name, { status: 'open' });
    await this.tell((l) => l.findingsChanged?.(name, { phase: 'runtime', ...changes, open }));
  }

  /**
   * Folds a closed window into what the model has shown: `partial` is this instance's part of `merged`.
   * Of the names received, and of the metrics in the history, only declared ones are kept: a client
   * making up names is not remembered.
   */
  private observe({ seen, declared }: Model, merged: Observation, partial: Observation, id: string): void {
    seen.since ??= partial.window.start;
    seen.events += partial.events;
    seen.windows++;
    const keep = (names: object, wanted: ReadonlySet<string>, into: Set<string>) => {
      for (const name of Object.keys(names)) if (wanted.has(name)) into.add(name);
    };
    keep(partial.metrics, declared.metrics, seen.metrics);
    keep(partial.logs.by_name, declared.logs, seen.logs);
    keep(partial.feedback.by_name, declared.feedback, seen.feedback);
    seen.groundTruth += partial.feedback.ground_truth;
    seen.userFeedback += partial.feedback.user;
    // Another part of the same span replaces the digest it extends. Once that digest is merged into
    // an older, coarser one, only the new part is added there: the rest is counted in it already.
    const digest = digestOf(merged, declared.metrics);
    const at = seen.history.findIndex((d) => d.start === digest.start && d.end === digest.end);
    const earlierParts = merged.events > partial.events;
    const within =
      at < 0 && earlierParts
        ? seen.history.findIndex((d) => d.windows > 1 && d.start <= digest.start && digest.end <= d.end)
        : -1;
    if (at >= 0) seen.history[at] = digest;
    else if (within >= 0) {
      const part = { ...digestOf(partial, declared.metrics), windows: 0 };
      seen.history[within] = mergeDigests(seen.history[within] as WindowDigest, part);
    } else seen.history.push(digest);
    const horizon = Date.parse(digest.end) - this.historyMs;
    while (seen.history.length && Date.parse((seen.history[0] as WindowDigest).end) <= horizon) seen.history.shift();
    if (seen.history.length > MAX_HISTORY) seen.history = coarsened(seen.history);
    seen.latest = { observation: merged, window: id };
  }

  /** Each model's observed facts, as the rules see them. */
  observed(): Map<string, ModelObserved> {
    const out = new Map<string, ModelObserved>();
    for (const [name, { seen }] of this.models) {
      if (!seen.latest || seen.since === undefined) continue;
      out.set(name, {
        latest: seen.latest.observation,
        window: seen.latest.window,
        history: seen.history,
        received: {
          since: seen.since,
          events: seen.events,
          windows: seen.windows,
          metrics: seen.metrics,
          logs: seen.logs,
          feedback: seen.feedback,
          ground_truth: seen.groundTruth,
          user_feedback: seen.userFeedback,
        },
      });
    }
    return out;
  }

  /** Every compared column of the observed traffic against training, with the model that saw it. */
  private driftScores(observed: Map<string, ModelObserved>): DriftScore[] {
    const facts = factsOf(this.served.system, observed);
    return profileComparisons(facts).trainingProduction.flatMap((c) => {
      const model = facts
        .all('trained-model')
        .find((m) => observed.has(m.name) && facts.productionDataOfModel(m).includes(c.current));
      return c.report.columns
        .filter((column) => column.method !== null)
        .map((column) => ({ ...column, model: model?.name, side: 'inputs' as const }));
    });
  }

  /** Calls every listener; one that throws is reported and the others still hear. */
  private async tell(call: (listener: MonitorListener) => void | Promise<void>): Promise<void> {
    for (const l of this.listeners) {
      try {
        await call(l);
      } catch (e) {
        process.stderr.write(`dovetail serve: a listener failed: ${(e as Error).stack ?? e}\n`);
      }
    }
  }
}

/** A served system with its run-time checks. */
export interface MonitoredSystem extends ServedSystem {
  monitor: Monitor;
}
