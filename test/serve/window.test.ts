import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ColumnSummary } from '../../src/data/profile/column.js';
import { parseProfile, profileColumns } from '../../src/data/profile/profile.js';
import { MAX_VALUE_CHARS } from '../../src/data/sketch/frequent.js';
import { loadSystem } from '../../src/descriptors/load.js';
import { Contract } from '../../src/serve/contract.js';
import { MAX_NAMES, OTHER } from '../../src/serve/names.js';
import {
  mergeObservations,
  type Observation,
  PROFILE_BATCH,
  TumblingWindows,
  Window,
  type WindowEvent,
  type WindowOptions,
  windowSettings,
} from '../../src/serve/window.js';
import { EXAMPLE } from '../helpers.js';
import { FLIGHT_EVENTS, FLIGHTS, type FlightEvent } from './flights.js';

const system = await loadSystem([EXAMPLE]);
const contract = Contract.compile(system, { model: 'delay-classifier' });
const DAY = 86_400_000;

const options: WindowOptions = {
  model: contract.model,
  inputTypes: contract.types('input'),
  outputTypes: contract.types('output'),
  classification: { output: 'delay_probability', actual: 'delayed', threshold: 0.24 },
  sketch: { seed: 7 },
};

/** The event as delay-service would send it: resources, metrics and logs beside inputs and outputs. */
function served(e: FlightEvent, i: number): WindowEvent {
  return {
    ...e,
    resources: { cpu: i % 2 ? `${400 + (i % 300)}m` : 0.25, memory: 4.5e9 + (i % 1000) * 1e6, gpu: 0 },
    metrics: i % 100 === 0 ? { 'http-error-rate': (i % 7) / 100 } : {},
    logs: i % 50 === 0 ? ['prediction-log', { name: 'input-validation-errors', level: 'WARN' }] : ['prediction-log'],
  };
}

const january = FLIGHT_EVENTS.filter((e) => e.timestamp.startsWith('2001-01'));

/** One window over the events, with their violations and the delayed ground truth of each flight. */
function observe(events: readonly FlightEvent[], start: number, end: number): Observation {
  const w = new Window(start, end, options);
  for (const e of events) {
    const i = Number(e.id.slice(1));
    w.add(served(e, i), contract.check(e));
    const delay = FLIGHTS[i]?.delay as number;
    w.addFeedback({
      kind: 'ground_truth',
      name: 'actual-arrival-delay',
      actual: { delay, delayed: delay > 15 },
      outputs: e.outputs,
    });
    if (i % 9 === 0) w.addFeedback({ kind: 'user', name: 'warning-not-helpful' });
  }
  return w.close();
}

const JAN_START = Date.parse('2001-01-01T00:00:00Z');
const JAN_END = Date.parse('2001-02-01T00:00:00Z');
// A few events break the contract: distances in kilometres.
const events = january.map((e, i) =>
  i % 10 === 0 ? { ...e, inputs: { ...e.inputs, distance: Math.round((e.inputs.distance as number) * 1.609344) } } : e,
);
const whole = observe(events, JAN_START, JAN_END);

describe('an observation', () => {
  it('is versioned JSON, and its profiles are valid profiles with the declared types', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(whole)), whole);
    assert.equal(whole.dovetail_observation, 1);
    assert.deepEqual(whole.window, { start: '2001-01-01T00:00:00.000Z', end: '2001-02-01T00:00:00.000Z' });
    const inputs = parseProfile(JSON.stringify(whole.inputs), 'inputs');
    parseProfile(JSON.stringify(whole.outputs), 'outputs');
    assert.equal(inputs.rows, january.length);
    assert.equal(inputs.columns.distance?.type, 'integer');
    assert.equal(inputs.columns.origin?.type, 'string');
    assert.equal(inputs.columns.scheduled_departure?.type, 'datetime');
    assert.equal(inputs.columns.scheduled_departure?.invalid, 0);
    const origins = new Set(january.map((e) => e.inputs.origin));
    assert.equal(inputs.columns.origin?.frequent?.items.length, origins.size);
    assert.equal(
      whole.outputs.columns.delay_probability?.max,
      Math.max(...january.map((e) => e.outputs.delay_probability as number)),
    );
  });

  it('holds throughput and latency percentiles within their stated rank error', () => {
    assert.equal(whole.events, january.length);
    assert.equal(whole.first_event, '2001-01-01T00:47:00.000Z');
    assert.equal(whole.throughput.events_per_second, january.length / ((JAN_END - JAN_START) / 1000));
    const sorted = january.map((e) => e.latency_ms).sort((a, b) => a - b);
    const rank = (x: number) => sorted.filter((v) => v <= x).length / sorted.length;
    const below = (x: number) => sorted.filter((v) => v < x).length / sorted.length;
    for (const [q, p] of [
      [0.5, whole.latency.p50],
      [0.95, whole.latency.p95],
      [0.99, whole.latency.p99],
    ] as const) {
      assert.ok(p !== null);
      // p is a value whose rank interval [below, rank] comes within the bound of q.
      assert.ok(
        below(p) - whole.latency.rank_error <= q && q <= rank(p) + whole.latency.rank_error,
        `p${q * 100} = ${p}`,
      );
    }
    assert.equal(whole.latency.summary.min, sorted[0]);
    assert.equal(whole.latency.summary.max, sorted.at(-1));
  });

  it('summarizes resources, metrics and logs as received', () => {
    const n = january.length;
    const cpu = january.map((_, i) => (i % 2 ? (400 + (i % 300)) / 1000 : 0.25));
    assert.ok(n > 0 && whole.resources.cpu.count === n);
    assert.ok(Math.abs((whole.resources.cpu.max as number) - Math.max(...cpu)) < 1e-12, '699m is 0.699 cores');
    assert.equal(whole.resources.gpu.max, 0);
    assert.equal(whole.resources.memory.min, 4.5e9);
    assert.equal(whole.metrics['http-error-rate']?.count, Math.ceil(n / 100));
    assert.deepEqual(whole.logs, {
      by_name: { 'prediction-log': n, 'input-validation-errors': Math.ceil(n / 50) },
      by_level: { warn: Math.ceil(n / 50) },
    });
  });

  it('counts feedback and the confusion of warnings at 0.24 against delays above 15 minutes', () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const e of january) {
      const actual = String((FLIGHTS[Number(e.id.slice(1))]?.delay as number) > 15);
      const predicted = String((e.outputs.delay_probability as number) >= 0.24);
      counts[actual] ??= {};
      (counts[actual] as Record<string, number>)[predicted] = (counts[actual]?.[predicted] ?? 0) + 1;
    }
    assert.equal(whole.feedback.ground_truth, january.length);
    assert.equal(whole.feedback.user, january.filter((e) => Number(e.id.slice(1)) % 9 === 0).length);
    assert.deepEqual(whole.feedback.confusion?.counts, counts);
    assert.equal(whole.feedback.by_name['actual-arrival-delay'], january.length);
  });

  it('holds the contract tally', () => {
    const km = events.filter((e) => (e.inputs.distance as number) > 5100).length;
    assert.ok(km > 0);
    assert.equal(whole.contract.events, january.length);
    assert.equal(whole.contract.violations.find((v) => v.field === 'distance' && v.kind === 'range')?.count, km);
  });
});

describe('the rows a window buffers', () => {
  // Three full buffers and some: field c comes only after the first buffer, and b misses in some rows.
  const n = 3 * PROFILE_BATCH + 17;
  const inputs = (i: number) => ({
    a: i % 97,
    ...(i % 5 ? { b: `s${i % 13}` } : {}),
    ...(i > 1500 ? { c: i / 7 } : {}),
  });

  it('are profiled a column at a time, spread over the events that follow, to the same profile', () => {
    const w = new Window(0, DAY, { sketch: { seed: 7 } });
    // Values profiled by each add: the real ColumnSummary.add, counted.
    const add = ColumnSummary.prototype.add;
    let values = 0;
    let most = 0;
    ColumnSummary.prototype.add = function (this: ColumnSummary, v: readonly unknown[]) {
      values += v.length;
      return add.call(this, v);
    };
    try {
      for (let i = 0; i < n; i++) {
        values = 0;
        w.add({ timestamp: i, inputs: inputs(i), outputs: { p: i / n } });
        most = Math.max(most, values);
      }
    } finally {
      ColumnSummary.prototype.add = add;
    }
    // One column of a full buffer at most; profiling the buffer's four columns at once added 4,096 values.
    assert.ok(most <= PROFILE_BATCH, `${most} values profiled by one add`);
    const observed = w.close();
    const rows = Array.from({ length: n }, (_, i) => inputs(i) as Record<string, unknown>);
    const expected = profileColumns(new Map(['a', 'b', 'c'].map((name) => [name, rows.map((r) => r[name])])), {
      seed: 7,
    });
    assert.equal(observed.inputs.rows, n);
    for (const [name, c] of Object.entries(expected.columns)) {
      const o = observed.inputs.columns[name];
      for (const key of ['type', 'count', 'missing', 'distinct', 'min', 'max', 'hll', 'histogram', 'frequent'] as const)
        assert.deepEqual(o?.[key], c[key], `${name}.${key}`);
    }
    assert.equal(observed.outputs.columns.p?.count, n);
  });
});

describe('names a client makes up', () => {
  it(`are kept apart up to ${MAX_NAMES} of each kind; further fields are not profiled, other names count under "${OTHER}"`, () => {
    const w = new Window(0, DAY, options);
    const n = MAX_NAMES + 10;
    for (let i = 0; i < n; i++) {
      w.add({ timestamp: i, inputs: { [`made_up_${i}`]: i }, metrics: { [`metric_${i}`]: i }, logs: [`log_${i}`] });
      w.addFeedback({ kind: 'user', name: `feedback_${i}` });
    }
    w.add({ timestamp: n, inputs: { distance: 1200 } });
    const o = w.close();
    assert.equal(Object.keys(o.inputs.columns).length, MAX_NAMES + 1);
    const present = (c?: { count: number; missing: number }) => (c ? c.count - c.missing : undefined);
    assert.equal(present(o.inputs.columns.made_up_0), 1);
    assert.equal(o.inputs.columns[`made_up_${MAX_NAMES}`], undefined);
    assert.equal(present(o.inputs.columns.distance), 1);
    assert.equal(Object.keys(o.metrics).length, MAX_NAMES + 1);
    assert.equal(o.metrics[OTHER]?.count, 10);
    assert.equal(o.logs.by_name[OTHER], 10);
    assert.equal(Object.keys(o.logs.by_name).length, MAX_NAMES + 1);
    assert.equal(o.feedback.by_name[OTHER], 10);
    // Two instances' windows merge within the same bounds.
    const merged = mergeObservations(o, o);
    assert.equal(Object.keys(merged.metrics).length, MAX_NAMES + 1);
    assert.equal(merged.metrics[OTHER]?.count, 20);
    assert.equal(merged.logs.by_name[OTHER], 20);
  });
});

describe('long values and names a client sends', () => {
  it('are kept under their key (beginning, length, hash), and a long field name is not profiled', () => {
    const w = new Window(0, DAY, options);
    const long = (i: number) => `${i}`.padStart(50_000, 'x');
    for (let i = 0; i < 20; i++) {
      const event = {
        id: `e${i}`,
        timestamp: i,
        inputs: { origin: long(i), [long(i)]: 1 },
        metrics: { [long(i % 2)]: i },
        logs: [{ name: long(i % 2), level: long(0) }],
      };
      w.add(event, contract.check(event));
      w.addFeedback({ kind: 'user', name: long(0) });
    }
    const o = w.close();
    const keyed = (key: string) => key.length <= MAX_VALUE_CHARS && key.includes('(50000 characters, XXH64 ');
    assert.deepEqual(Object.keys(o.inputs.columns), ['origin']);
    const origins = o.inputs.columns.origin?.frequent?.items ?? [];
    assert.equal(origins.length, 20);
    assert.ok(origins.every(([value, count]) => keyed(value) && count === 1));
    assert.deepEqual(
      Object.values(o.metrics).map((m) => m.count),
      [10, 10],
    );
    assert.ok(
      [...Object.keys(o.metrics), ...Object.keys(o.logs.by_name), ...Object.keys(o.logs.by_level)].every(keyed),
    );
    assert.deepEqual(Object.values(o.feedback.by_name), [20]);
    const unexpected = o.contract.violations.filter((e) => e.kind === 'unexpected-field');
    assert.equal(unexpected.length, 20);
    assert.ok(unexpected.every((e) => keyed(e.field)));
    assert.ok(o.contract.violations.every((e) => e.examples.every((x) => x.found.length < 100)));
    assert.ok(JSON.stringify(o).length < 200_000, `${JSON.stringify(o).length} characters`);
  });
});

describe('partial windows of one span', () => {
  const a = observe(
    events.filter((_, i) => i % 3 === 0),
    JAN_START,
    JAN_END,
  );
  const b = observe(
    events.filter((_, i) => i % 3 !== 0),
    JAN_START,
    JAN_END,
  );
  const merged = mergeObservations(b, a);

  it('merge to the window of all events: exactly for counts, ranges, histograms, registers, frequent values', () => {
    for (const side of ['inputs', 'outputs'] as const) {
      assert.equal(merged[side].rows, whole[side].rows);
      for (const [name, c] of Object.entries(whole[side].columns)) {
        const m = merged[side].columns[name];
        assert.ok(m, name);
        for (const key of [
          'type',
          'count',
          'missing',
          'invalid',
          'distinct',
          'min',
          'max',
          'hll',
          'histogram',
          'frequent',
        ] as const)
          assert.deepEqual(m[key], c[key], `${side}.${name}.${key}`);
        if (c.mean != null) assert.ok(Math.abs((m.mean as number) - c.mean) <= 1e-9 * Math.abs(c.mean), `${name} mean`);
      }
    }
    assert.deepEqual(merged.latency.summary.histogram, whole.latency.summary.histogram);
    for (const key of [
      'events',
      'late',
      'first_event',
      'last_event',
      'window',
      'throughput',
      'logs',
      'feedback',
      'contract',
    ] as const)
      assert.deepEqual(merged[key], whole[key], key);
    for (const r of ['cpu', 'memory', 'gpu'] as const) {
      assert.equal(merged.resources[r].min, whole.resources[r].min);
      assert.equal(merged.resources[r].max, whole.resources[r].max);
      assert.equal(merged.resources[r].count, whole.resources[r].count);
    }
  });

  it('merge latency percentiles within the rank error', () => {
    const sorted = january.map((e) => e.latency_ms).sort((x, y) => x - y);
    for (const [q, p] of [
      [0.5, merged.latency.p50],
      [0.95, merged.latency.p95],
      [0.99, merged.latency.p99],
    ] as const) {
      const below = sorted.filter((v) => v < (p as number)).length / sorted.length;
      const upTo = sorted.filter((v) => v <= (p as number)).length / sorted.length;
      assert.ok(below - merged.latency.rank_error <= q && q <= upTo + merged.latency.rank_error, `p${q * 100}`);
    }
  });

  it('do not merge across models', () => {
    assert.throws(() => mergeObservations(whole, { ...a, model: { name: 'other' } }), /cannot merge/);
  });
});

describe('tumbling windows', () => {
  it('close on aligned time boundaries, each event in one window', () => {
    const windows = new TumblingWindows({ ...options, durationMs: 7 * DAY });
    const observations: Observation[] = [];
    for (const e of FLIGHT_EVENTS) observations.push(...windows.add(e, contract.check(e)));
    observations.push(windows.close() as Observation);
    assert.equal(
      observations.reduce((s, o) => s + o.events, 0),
      FLIGHT_EVENTS.length,
    );
    for (const o of observations) {
      assert.equal((Date.parse(o.window.end) - Date.parse(o.window.start)) % (7 * DAY), 0);
      assert.ok(o.first_event !== null && o.first_event >= o.window.start && (o.last_event as string) < o.window.end);
      assert.equal(o.late, 0);
    }
    // Windows are consecutive weeks of the epoch's lattice (1970-01-01 was a Thursday).
    assert.equal(observations[0]?.window.start, '2000-12-28T00:00:00.000Z');
  });

  it('close by count first when the count comes first, resuming in the same aligned window', () => {
    const windows = new TumblingWindows({ ...options, durationMs: 31 * DAY, maxEvents: 1000 });
    const observations = FLIGHT_EVENTS.slice(0, 2500).flatMap((e) => windows.add(e));
    assert.deepEqual(
      observations.map((o) => o.events),
      [1000, 1000],
    );
    const [first, second] = observations as [Observation, Observation];
    assert.equal(second.window.start, first.window.end);
    assert.equal(Date.parse(first.window.end), Date.parse(first.last_event as string) + 1);
    assert.equal(windows.current?.events, 500);
    assert.equal(windows.current?.end, Date.parse(first.window.start) + 31 * DAY);
  });

  it('close an idle window on flush, and take their length from dovetail.yaml', () => {
    const windows = new TumblingWindows({ ...options, ...windowSettings(system) });
    assert.equal(windows.durationMs, 3_600_000);
    windows.add(FLIGHT_EVENTS[0] as FlightEvent);
    assert.deepEqual(windows.flush(Date.parse('2001-01-01T00:59:59Z')), []);
    assert.equal(windows.flush(Date.parse('2001-01-01T01:00:00Z'))[0]?.events, 1);
    assert.equal(windows.current, undefined);
  });
});
