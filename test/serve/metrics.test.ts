// Prometheus metrics from real observations (flights through the example's contract and tumbling
// windows) and real findings (the example's design check): exact values in the exposition text, a
// gauge that no longer applies removed, the text accepted by promtool, and GET /metrics served.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compareSides } from '../../src/data/drift/compare.js';
import { loadSystem } from '../../src/descriptors/load.js';
import { buildApp } from '../../src/serve/app.js';
import type { Clock } from '../../src/serve/clock.js';
import { Contract } from '../../src/serve/contract.js';
import type { DriftScore } from '../../src/serve/listener.js';
import { MAX_UNEXPECTED_FIELDS, PrometheusMetrics } from '../../src/serve/metrics.js';
import type { TrackedFinding } from '../../src/serve/store/store.js';
import { serveSystems } from '../../src/serve/systems.js';
import { type Observation, TumblingWindows, Window, type WindowEvent } from '../../src/serve/window.js';
import { EXAMPLE, tempDir } from '../helpers.js';
import { trackedFindings } from './findings.js';
import { FLIGHT_EVENTS, type FlightEvent } from './flights.js';

const system = await loadSystem([EXAMPLE]);
const SYSTEM = system.name;
const MODEL = 'delay-classifier';
const contract = Contract.compile(system, { model: MODEL });
const DAY = 86_400_000;
const windowOptions = {
  model: contract.model,
  inputTypes: contract.types('input'),
  outputTypes: contract.types('output'),
  sketch: { seed: 7 },
};

/** Samples of the exposition text, `name{label="value",...}` with labels sorted, to their value. */
function samples(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k as string, v]);
    out.set(key(m[1] as string, Object.fromEntries(labels)), m[3] as string);
  }
  return out;
}

function key(name: string, labels: Record<string, unknown> = {}): string {
  const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1));
  return `${name}{${sorted.map(([k, v]) => `${k}="${v}"`).join(',')}}`;
}

/** The samples of one metric name, by their key. */
function family(all: Map<string, string>, name: string): Map<string, string> {
  return new Map([...all].filter(([k]) => k.startsWith(`${name}{`)));
}

async function scrape(metrics: PrometheusMetrics): Promise<Map<string, string>> {
  return samples(await metrics.registry.metrics());
}

/** delay-service's events: every 10th distance in kilometres (out of range), every 25th with a stray field, resources. */
function served(e: FlightEvent, i: number): WindowEvent {
  const inputs =
    i % 10 === 0 ? { ...e.inputs, distance: Math.round((e.inputs.distance as number) * 1.609344) } : e.inputs;
  return {
    ...e,
    inputs: i % 25 === 0 ? { ...inputs, carrier: 'UA' } : inputs,
    resources: { cpu: i % 2 ? `${400 + (i % 300)}m` : 0.25, memory: 4.5e9 + (i % 1000) * 1e6 },
  };
}

/** Closed windows of a week over January's flights, as the monitor cuts them. */
function januaryWeeks(): { events: WindowEvent[]; observations: Observation[] } {
  const events = FLIGHT_EVENTS.filter((e) => e.timestamp.startsWith('2001-01')).map(served);
  const windows = new TumblingWindows({ ...windowOptions, durationMs: 7 * DAY });
  const observations = events.flatMap((e) => windows.add(e, contract.check(e)));
  observations.push(windows.close() as Observation);
  return { events, observations };
}

const FINDINGS = trackedFindings(system);

/** Open findings counted by phase, category and severity, as `dovetail_findings_open` samples. */
function openCounts(findings: readonly TrackedFinding[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const k = key('dovetail_findings_open', {
      system: SYSTEM,
      phase: f.phase,
      category: f.category,
      severity: f.severity,
    });
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return new Map([...counts].map(([k, n]) => [k, String(n)]));
}

describe('Prometheus metrics', () => {
  it('counts batches from 0 for every system given', async () => {
    const metrics = new PrometheusMetrics([SYSTEM]);
    let m = await scrape(metrics);
    assert.equal(m.get(key('dovetail_events_accepted_total', { system: SYSTEM })), '0');
    assert.equal(m.get(key('dovetail_feedback_rejected_total', { system: SYSTEM })), '0');
    metrics.ingested(SYSTEM, 'events', 480, 20);
    metrics.ingested(SYSTEM, 'events', 20, 0);
    metrics.ingested(SYSTEM, 'feedback', 7, 1);
    m = await scrape(metrics);
    assert.equal(m.get(key('dovetail_events_accepted_total', { system: SYSTEM })), '500');
    assert.equal(m.get(key('dovetail_events_rejected_total', { system: SYSTEM })), '20');
    assert.equal(m.get(key('dovetail_feedback_accepted_total', { system: SYSTEM })), '7');
    assert.equal(m.get(key('dovetail_feedback_rejected_total', { system: SYSTEM })), '1');
  });

  it('adds up closed windows and their contract violations; gauges hold the last window', async () => {
    const { events, observations } = januaryWeeks();
    assert.ok(observations.length >= 5);
    const metrics = new PrometheusMetrics([SYSTEM]);
    for (const o of observations) metrics.observed(SYSTEM, o, []);
    const m = await scrape(metrics);
    const model = { system: SYSTEM, model: MODEL };
    assert.equal(m.get(key('dovetail_windows_closed_total', model)), String(observations.length));
    assert.equal(m.get(key('dovetail_window_events_total', model)), String(events.length));

    // The violations, counted straight from the contract rather than through the windows.
    const expected = new Map<string, number>();
    let violating = 0;
    for (const e of events) {
      const violations = contract.check(e);
      if (violations.length) violating++;
      for (const v of violations) {
        const k = key('dovetail_contract_violations_total', {
          ...model,
          side: `${v.side}s`,
          kind: v.kind,
          field: v.field,
        });
        expected.set(k, (expected.get(k) ?? 0) + 1);
      }
    }
    assert.equal(m.get(key('dovetail_contract_violating_events_total', model)), String(violating));
    const range = key('dovetail_contract_violations_total', {
      ...model,
      side: 'inputs',
      kind: 'range',
      field: 'distance',
    });
    const stray = key('dovetail_contract_violations_total', {
      ...model,
      side: 'inputs',
      kind: 'unexpected-field',
      field: 'carrier',
    });
    assert.ok((expected.get(range) ?? 0) > 0 && expected.get(stray) === Math.ceil(events.length / 25));
    assert.deepEqual(
      family(m, 'dovetail_contract_violations_total'),
      new Map([...expected].map(([k, n]) => [k, String(n)])),
    );

    const last = observations.at(-1) as Observation;
    // Latency: percentiles of the last window; count and sum of every window.
    const latency = family(m, 'dovetail_latency_seconds');
    for (const [quantile, p] of [
      ['0.5', 'p50'],
      ['0.95', 'p95'],
      ['0.99', 'p99'],
    ] as const) {
      const labels = { ...model, quantile };
      assert.equal(latency.get(key('dovetail_latency_seconds', labels)), String((last.latency[p] as number) / 1000));
    }
    assert.equal(latency.size, 3);
    assert.equal(m.get(key('dovetail_latency_seconds_count', model)), String(events.length));
    const seconds = events.reduce((sum, e) => sum + (e.latency_ms as number), 0) / 1000;
    assert.ok(Math.abs(Number(m.get(key('dovetail_latency_seconds_sum', model))) - seconds) < 1e-9 * seconds);
    assert.equal(m.get(key('dovetail_window_events_per_second', model)), String(last.throughput.events_per_second));
    assert.equal(m.get(key('dovetail_window_cpu_max_cores', model)), String(last.resources.cpu.max));
    assert.equal(m.get(key('dovetail_window_cpu_mean_cores', model)), String(last.resources.cpu.mean));
    assert.equal(m.get(key('dovetail_window_memory_max_bytes', model)), String(last.resources.memory.max));
    assert.equal(m.get(key('dovetail_window_memory_mean_bytes', model)), String(last.resources.memory.mean));

    // A window without latency or resource use: those gauges go, they do not keep January's values.
    const bare = new Window(Date.parse('2001-02-01T00:00:00Z'), Date.parse('2001-02-01T00:01:40Z'), windowOptions);
    for (const e of FLIGHT_EVENTS.slice(0, 50)) bare.add({ ...e, timestamp: '2001-02-01T00:00:10Z', latency_ms: null });
    metrics.observed(SYSTEM, bare.close(), []);
    const after = await scrape(metrics);
    assert.equal(family(after, 'dovetail_latency_seconds').size, 0);
    assert.equal(after.get(key('dovetail_latency_seconds_count', model)), String(events.length));
    assert.equal(family(after, 'dovetail_window_cpu_max_cores').size, 0);
    assert.equal(family(after, 'dovetail_window_memory_mean_bytes').size, 0);
    assert.equal(after.get(key('dovetail_window_events_per_second', model)), '0.5');
    assert.equal(after.get(key('dovetail_window_events_total', model)), String(events.length + 50));
  });

  it(`names at most ${MAX_UNEXPECTED_FIELDS} unexpected fields per model, then counts the rest as (other)`, async () => {
    const w = new Window(0, DAY, windowOptions);
    const base = FLIGHT_EVENTS[0] as FlightEvent;
    for (let k = 0; k < MAX_UNEXPECTED_FIELDS + 5; k++) {
      const e = { ...base, timestamp: 1000 + k, inputs: { ...base.inputs, [`extra_${k}`]: k } };
      w.add(e, contract.check(e));
    }
    const metrics = new PrometheusMetrics();
    metrics.observed(SYSTEM, w.close(), []);
    const stray = [...family(await scrape(metrics), 'dovetail_contract_violations_total')].filter(([k]) =>
      k.includes('kind="unexpected-field"'),
    );
    assert.equal(stray.length, MAX_UNEXPECTED_FIELDS + 1);
    const other = stray.find(([k]) => k.includes('field="(other)"'));
    assert.equal(other?.[1], '5');
  });

  it("sets each compared column's drift of the last window, and drops columns no longer compared", async () => {
    const { observations } = januaryWeeks();
    const first = observations[0] as Observation;
    const last = observations.at(-1) as Observation;
    const report = compareSides({ profile: first.inputs }, { profile: last.inputs });
    const drift: DriftScore[] = report.columns
      .filter((c) => c.method !== null)
      .map((c) => ({ ...c, model: MODEL, side: 'inputs' }));
    assert.ok(drift.some((d) => d.p_value !== null) && drift.length >= 3);
    const metrics = new PrometheusMetrics();
    metrics.observed(SYSTEM, last, drift);
    const m = await scrape(metrics);
    for (const d of drift) {
      const labels = { system: SYSTEM, model: MODEL, side: 'inputs', column: d.name, method: d.method };
      assert.equal(m.get(key('dovetail_drift_statistic', labels)), String(d.statistic), d.name);
      assert.equal(m.get(key('dovetail_drift_threshold', labels)), String(d.threshold), d.name);
      assert.equal(m.get(key('dovetail_drifted', labels)), d.drifted ? '1' : '0', d.name);
      assert.equal(m.get(key('dovetail_drift_p_value', labels)), d.p_value === null ? undefined : String(d.p_value));
    }
    assert.equal(family(m, 'dovetail_drift_statistic').size, drift.length);

    metrics.observed(SYSTEM, last, drift.slice(0, 1));
    const after = await scrape(metrics);
    assert.equal(family(after, 'dovetail_drift_statistic').size, 1);
    assert.equal(family(after, 'dovetail_drifted').size, 1);
  });

  it('counts open findings by phase, category and severity; resolved ones drop out', async () => {
    assert.ok(FINDINGS.length >= 3);
    const metrics = new PrometheusMetrics([SYSTEM]);
    metrics.findingsChanged(SYSTEM, { phase: 'design', opened: FINDINGS, updated: [], resolved: [], open: FINDINGS });
    let m = await scrape(metrics);
    assert.deepEqual(family(m, 'dovetail_findings_open'), openCounts(FINDINGS));
    const opened = [...family(m, 'dovetail_findings_opened_total').values()].reduce((n, v) => n + Number(v), 0);
    assert.equal(opened, FINDINGS.length);

    // Every finding of one category resolves: its gauges disappear, the others stay as they are.
    const category = (FINDINGS[0] as TrackedFinding).category;
    const resolved = FINDINGS.filter((f) => f.category === category).map((f) => ({
      ...f,
      status: 'resolved' as const,
    }));
    const open = FINDINGS.filter((f) => f.category !== category);
    metrics.findingsChanged(SYSTEM, { phase: 'design', opened: [], updated: open, resolved, open });
    m = await scrape(metrics);
    assert.deepEqual(family(m, 'dovetail_findings_open'), openCounts(open));
    assert.ok(![...family(m, 'dovetail_findings_open').keys()].some((k) => k.includes(`category="${category}"`)));
    const resolvedTotal = family(m, 'dovetail_findings_resolved_total');
    assert.equal(
      [...resolvedTotal.values()].reduce((n, v) => n + Number(v), 0),
      resolved.length,
    );
    assert.ok([...resolvedTotal.keys()].every((k) => k.includes(`category="${category}"`)));
  });

  it('writes text that promtool accepts', async (t) => {
    const promtool = spawnSync('promtool', ['--version']);
    if (promtool.error) {
      // CI installs it (.ci/run); there a missing promtool is a failure, not a skip.
      assert.notEqual(process.env.CI, 'true', 'promtool is not installed: apt-get install prometheus');
      t.skip('promtool is not installed (apt-get install prometheus); this check runs in CI');
      return;
    }
    const { observations } = januaryWeeks();
    const metrics = new PrometheusMetrics([SYSTEM]);
    metrics.ingested(SYSTEM, 'events', 10, 2);
    for (const o of observations) metrics.observed(SYSTEM, o, []);
    metrics.findingsChanged(SYSTEM, { phase: 'design', opened: FINDINGS, updated: [], resolved: [], open: FINDINGS });
    const r = spawnSync('promtool', ['check', 'metrics'], {
      input: await metrics.registry.metrics(),
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.equal(`${r.stdout}${r.stderr}`.trim(), '');
  });

  it('GET /metrics serves the text with its content type, and is in the OpenAPI document', async () => {
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const served = await serveSystems([await loadSystem([dir])], { warn: () => {} });
    const clock: Clock = { now: () => Date.now(), every: () => () => {} };
    const metrics = new PrometheusMetrics([SYSTEM]);
    const app = await buildApp({ systems: served.systems, version: 'test', clock, listeners: [metrics], metrics });
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const r = await fetch(`${url}/metrics`);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-type'), metrics.registry.contentType);
      const m = samples(await r.text());
      assert.equal(m.get(key('dovetail_events_accepted_total', { system: SYSTEM })), '0');
      // The design findings recorded at start are announced to the listeners.
      const open = await served.systems[0]?.store.findings(SYSTEM, { status: 'open' });
      assert.deepEqual(family(m, 'dovetail_findings_open'), openCounts(open ?? []));
      assert.ok([...m.keys()].some((k) => k.startsWith('dovetail_process_resident_memory_bytes')));
      const doc = (await (await fetch(`${url}/openapi.json`)).json()) as {
        paths: Record<string, { get?: { responses: Record<string, { content: Record<string, unknown> }> } }>;
      };
      assert.ok(doc.paths['/metrics']?.get?.responses['200']?.content[metrics.registry.contentType]);
    } finally {
      await app.close();
      await served.close();
    }
  });
});
