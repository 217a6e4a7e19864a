// The monitor as Prometheus sees it (DESIGN §7): a listener that turns what the monitor reports into
// metrics, served by GET /metrics. Counters add up batches, windows, violations and finding changes
// since start; gauges hold the last closed window of each model (throughput, resources, drift) and the
// findings open now; latency is a summary (percentiles of the last window, count and sum since start).
// A value that no longer applies (a window without latency, a column not compared, a resolved
// finding's category) is removed, not left at its old value.
import { Counter, collectDefaultMetrics, Gauge, type Metric, Registry } from 'prom-client';
import type { DriftScore, FindingChanges, MonitorListener } from './listener.js';
import { type ProxyCounts, proxyCounts } from './proxy.js';
import type { TrackedFinding } from './store/store.js';
import type { LatencyJSON, Observation } from './window.js';

type Labels = Record<string, string>;

/** Distinct field names of `unexpected-field` violations kept per model; others count as `(other)`. */
export const MAX_UNEXPECTED_FIELDS = 100;
const OTHER_FIELD = '(other)';
const QUANTILES = [
  ['0.5', 'p50'],
  ['0.95', 'p95'],
  ['0.99', 'p99'],
] as const;

/** A gauge whose children are replaced by group: one model's last window, one system's open findings. */
class Snapshot {
  private readonly groups = new Map<string, Labels[]>();

  constructor(private readonly gauge: Gauge) {}

  replace(group: string, values: readonly [Labels, number][]): void {
    for (const labels of this.groups.get(group) ?? []) this.gauge.remove(labels);
    for (const [labels, value] of values) this.gauge.set(labels, value);
    this.groups.set(
      group,
      values.map(([labels]) => labels),
    );
  }
}

/**
 * A summary the windows compute: prom-client's own summaries compute quantiles from the values they
 * observe, these come ready-made from each closed window. Registered as any metric: prom-client reads
 * a metric's name, help, type and get().
 */
class WindowSummary {
  readonly type = 'summary';
  readonly aggregator = 'sum';
  private readonly children = new Map<
    string,
    { labels: Labels; quantiles: [string, number][]; count: number; sum: number }
  >();

  constructor(
    readonly name: string,
    readonly help: string,
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric);
  }

  /** Latency of one closed window, in milliseconds: its percentiles replace the last, its count and sum add up. */
  add(labels: Labels, latency: LatencyJSON): void {
    const key = JSON.stringify(labels);
    const child = this.children.get(key) ?? { labels, quantiles: [], count: 0, sum: 0 };
    const s = latency.summary;
    const n = s.count - s.missing - s.invalid;
    child.count += n;
    child.sum += n ? ((s.mean as number) * n) / 1000 : 0;
    child.quantiles = QUANTILES.flatMap(([q, p]) => (latency[p] === null ? [] : [[q, (latency[p] as number) / 1000]]));
    this.children.set(key, child);
  }

  async get() {
    const values = [...this.children.values()].flatMap(({ labels, quantiles, count, sum }) => [
      ...quantiles.map(([quantile, value]) => ({ labels: { ...labels, quantile }, value })),
      { metricName: `${this.name}_sum`, labels, value: sum },
      { metricName: `${this.name}_count`, labels, value: count },
    ]);
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.children.clear();
  }
}

const BY_SYSTEM = ['system'];
const BY_MODEL = ['system', 'model'];
const BY_COLUMN = ['system', 'model', 'side', 'column', 'method'];
const BY_FINDING = ['system', 'phase', 'category', 'severity'];

export class PrometheusMetrics implements MonitorListener {
  readonly registry = new Registry();
  private readonly counter = (name: string, help: string, labelNames: string[]) =>
    new Counter({ name: `dovetail_${name}`, help, labelNames, registers: [this.registry] });
  private readonly snapshot = (name: string, help: string, labelNames: string[]) =>
    new Snapshot(new Gauge({ name: `dovetail_${name}`, help, labelNames, registers: [this.registry] }));

  private readonly ingestedTotal = {
    events: {
      accepted: this.counter('events_accepted_total', 'Events stored.', BY_SYSTEM),
      rejected: this.counter('events_rejected_total', 'Events refused as invalid.', BY_SYSTEM),
    },
    feedback: {
      accepted: this.counter('feedback_accepted_total', 'Feedback items stored.', BY_SYSTEM),
      rejected: this.counter('feedback_rejected_total', 'Feedback items refused as invalid.', BY_SYSTEM),
    },
  };
  private readonly windowsClosed = this.counter('windows_closed_total', 'Windows closed.', BY_MODEL);
  private readonly windowEvents = this.counter('window_events_total', 'Events counted in closed windows.', BY_MODEL);
  private readonly violatingEvents = this.counter(
    'contract_violating_events_total',
    "Events of closed windows that broke their model's contract.",
    BY_MODEL,
  );
  private readonly violations = this.counter(
    'contract_violations_total',
    `Contract violations in closed windows, by side (inputs, outputs), field and kind; unexpected fields beyond ${MAX_UNEXPECTED_FIELDS} per model count as ${OTHER_FIELD}.`,
    [...BY_MODEL, 'side', 'kind', 'field'],
  );
  private readonly latency = new WindowSummary(
    'dovetail_latency_seconds',
    'Inference latency: percentiles of the last closed window; count and sum of every closed window.',
    this.registry,
  );
  private readonly throughput = this.snapshot(
    'window_events_per_second',
    'Events per second of the last closed window.',
    BY_MODEL,
  );
  private readonly resources = {
    cpu: {
      max: this.snapshot('window_cpu_max_cores', 'Largest CPU use reported in the last closed window.', BY_MODEL),
      mean: this.snapshot('window_cpu_mean_cores', 'Mean CPU use reported in the last closed window.', BY_MODEL),
    },
    memory: {
      max: this.snapshot('window_memory_max_bytes', 'Largest memory use reported in the last closed window.', BY_MODEL),
      mean: this.snapshot('window_memory_mean_bytes', 'Mean memory use reported in the last closed window.', BY_MODEL),
    },
  };
  /** Each compared column's drift: the gauge and what it shows. */
  private readonly drift: [Snapshot, (d: DriftScore) => number | null][] = [
    [
      this.snapshot(
        'drift_statistic',
        "A column's drift statistic (test statistic or distance) in the last closed window against training.",
        BY_COLUMN,
      ),
      (d) => d.statistic,
    ],
    [this.snapshot('drift_p_value', "The drift test's own p-value (tests only).", BY_COLUMN), (d) => d.p_value],
    [
      this.snapshot(
        'drift_threshold',
        'What the column is judged against: the corrected p-value threshold (tests) or the distance threshold.',
        BY_COLUMN,
      ),
      (d) => d.threshold,
    ],
    [
      this.snapshot('drifted', '1 when the column drifted in the last closed window, else 0.', BY_COLUMN),
      (d) => (d.drifted ? 1 : 0),
    ],
  ];
  private readonly openFindings = this.snapshot('findings_open', 'Findings open now.', BY_FINDING);
  private readonly findingsTotal = {
    opened: this.counter('findings_opened_total', 'Findings opened (new, or back after being resolved).', BY_FINDING),
    resolved: this.counter('findings_resolved_total', 'Findings resolved.', BY_FINDING),
  };
  /** Field names of unexpected-field violations given a label of their own, per system and model. */
  private readonly unexpectedFields = new Map<string, Set<string>>();

  /** `systems` are counted from 0, so their counters exist before the first batch. */
  constructor(private readonly systems: readonly string[] = []) {
    this.proxyCounters();
    collectDefaultMetrics({ register: this.registry, prefix: 'dovetail_' });
    // Gauges named like counters (promtool refuses them); the same counts by type remain.
    for (const what of ['handles', 'requests', 'resources'])
      this.registry.removeSingleMetric(`dovetail_nodejs_active_${what}_total`);
    for (const system of systems) {
      for (const what of Object.values(this.ingestedTotal)) {
        what.accepted.inc({ system }, 0);
        what.rejected.inc({ system }, 0);
      }
    }
  }

  /** What `--proxy` did, read from its counts at each scrape (no series without a proxy). */
  private proxyCounters(): void {
    const systems = this.systems;
    const reading = (name: string, help: string, outcomes: Record<string, keyof ProxyCounts>) =>
      new Counter({
        name: `dovetail_${name}`,
        help,
        labelNames: ['system', 'outcome'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const system of systems) {
            const counts = proxyCounts(system);
            if (!counts) continue;
            for (const [outcome, key] of Object.entries(outcomes)) this.inc({ system, outcome }, counts[key]);
          }
        },
      });
    reading('proxy_requests_total', 'Requests the proxy forwarded, and those answered 502/504 or not read.', {
      forwarded: 'forwarded',
      upstream_failure: 'upstreamFailures',
      unreadable: 'unreadable',
    });
    reading(
      'proxy_events_total',
      'Predictions the proxy recorded as events, found stored already (a reused id), refused, or lost.',
      {
        recorded: 'recorded',
        duplicate: 'duplicate',
        refused: 'refused',
        lost: 'lost',
      },
    );
  }

  ingested(system: string, what: 'events' | 'feedback', accepted: number, rejected: number): void {
    this.ingestedTotal[what].accepted.inc({ system }, accepted);
    this.ingestedTotal[what].rejected.inc({ system }, rejected);
  }

  observed(system: string, observation: Observation, drift: readonly DriftScore[]): void {
    const model = observation.model?.name ?? '';
    const labels = { system, model };
    const group = `${system}\u0000${model}`;
    this.windowsClosed.inc(labels);
    this.windowEvents.inc(labels, observation.events);
    this.violatingEvents.inc(labels, observation.contract.violating_events);
    for (const v of observation.contract.violations) {
      const field = v.kind === 'unexpected-field' ? this.unexpectedField(group, v.field) : v.field;
      this.violations.inc({ ...labels, side: `${v.side}s`, kind: v.kind, field }, v.count);
    }
    this.latency.add(labels, observation.latency);
    this.throughput.replace(group, [[labels, observation.throughput.events_per_second]]);
    for (const resource of ['cpu', 'memory'] as const) {
      for (const stat of ['max', 'mean'] as const) {
        const value = observation.resources[resource][stat];
        this.resources[resource][stat].replace(group, value === null ? [] : [[labels, value]]);
      }
    }
    const compared = drift.filter((d) => d.method !== null && d.statistic !== null);
    for (const [gauge, value] of this.drift) {
      gauge.replace(
        group,
        compared.flatMap((d): [Labels, number][] => {
          const v = value(d);
          return v === null ? [] : [[{ ...labels, side: d.side, column: d.name, method: d.method as string }, v]];
        }),
      );
    }
  }

  findingsChanged(system: string, changes: FindingChanges): void {
    for (const f of changes.opened) this.findingsTotal.opened.inc(findingLabels(system, f));
    for (const f of changes.resolved) this.findingsTotal.resolved.inc(findingLabels(system, f));
    const open = new Map<string, [Labels, number]>();
    for (const f of changes.open) {
      const labels = findingLabels(system, f);
      const key = `${labels.phase}\u0000${labels.category}\u0000${labels.severity}`;
      const entry = open.get(key) ?? [labels, 0];
      entry[1]++;
      open.set(key, entry);
    }
    this.openFindings.replace(system, [...open.values()]);
  }

  /** The field label of an unexpected field: its name while the model has few, else `(other)`. */
  private unexpectedField(group: string, field: string): string {
    let fields = this.unexpectedFields.get(group);
    if (!fields) {
      fields = new Set();
      this.unexpectedFields.set(group, fields);
    }
    if (fields.has(field)) return field;
    if (fields.size >= MAX_UNEXPECTED_FIELDS) return OTHER_FIELD;
    fields.add(field);
    return field;
  }
}

function findingLabels(system: string, f: TrackedFinding): Labels {
  return { system, phase: f.phase, category: f.category, severity: f.severity };
}
