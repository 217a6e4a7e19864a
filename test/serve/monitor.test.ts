// What the monitor remembers across windows, beyond the open one.
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { test } from 'node:test';
import { loadSystem } from '../../src/descriptors/load.js';
import { Monitor } from '../../src/serve/monitor.js';
import { serveSystems } from '../../src/serve/systems.js';
import { EXAMPLE, tempDir } from '../helpers.js';

const T0 = Date.parse('2001-05-01T00:00:00Z');

/** A monitor of a copy of the example whose windows close every `maxEvents` events, on a real store. */
async function withMonitor(maxEvents: number, use: (monitor: Monitor) => Promise<void>): Promise<void> {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  const served = await serveSystems([await loadSystem([dir])], { warn: () => {} });
  try {
    await use(new Monitor(served.systems[0] ?? assert.fail('no system served'), { window: { maxEvents } }));
  } finally {
    await served.close();
  }
}

// A window per two events: a client making up a name per event meets no per-window bound.
test('of the metric, log and feedback names received, and of the metrics in its history, it keeps the declared ones', () =>
  withMonitor(2, async (monitor) => {
    const events = Array.from({ length: 301 }, (_, i) => ({
      seq: i + 1,
      event: {
        id: `e${i}`,
        timestamp: new Date(T0 + i * 1000).toISOString(),
        outputs: { delay_probability: 0.1 },
        metrics: { [`made-up-${i}`]: 1, ...(i === 7 ? { 'delay-calls-per-1k-bookings': 4 } : {}) },
        logs: [`log-${i}`, 'prediction-log'],
      },
    }));
    await monitor.add(events, T0 + 300_000);
    // Event 300 is in the open window, which feedback joins.
    const feedback = ['made-up-feedback', 'warning-not-helpful'].map((name) => ({
      event_id: 'e300',
      kind: 'user' as const,
      name,
      actual: {},
      timestamp: '2001-05-01T00:05:00.000Z',
    }));
    monitor.addFeedback(feedback, [events[300]?.event, events[300]?.event]);
    await monitor.close(T0 + 300_000);
    const observed = monitor.observed().get('delay-classifier');
    const received = observed?.received;
    assert.equal(received?.windows, 151);
    assert.deepEqual(received?.metrics, new Set(['delay-calls-per-1k-bookings']));
    assert.deepEqual(received?.logs, new Set(['prediction-log']));
    assert.deepEqual(received?.feedback, new Set(['warning-not-helpful']));
    // The history of windows keeps their declared metrics only.
    assert.deepEqual(
      observed?.history.flatMap((d) => Object.keys(d.metrics)),
      ['delay-calls-per-1k-bookings'],
    );
  }));

test('keeps a bounded history of windows, merging older ones, with every window and event still counted', () =>
  withMonitor(1, async (monitor) => {
    const n = 4500;
    const events = Array.from({ length: n }, (_, i) => ({
      seq: i + 1,
      event: {
        id: `e${i}`,
        timestamp: new Date(T0 + i * 1000).toISOString(),
        outputs: { delay_probability: 0.1 },
        metrics: { 'delay-calls-per-1k-bookings': i % 10 },
      },
    }));
    await monitor.add(events, T0 + n * 1000);
    const history = monitor.observed().get('delay-classifier')?.history ?? [];
    assert.ok(history.length <= 4096, `${history.length} digests`);
    assert.ok(history.length < n);
    assert.equal(
      history.reduce((sum, d) => sum + d.windows, 0),
      n,
    );
    assert.equal(
      history.reduce((sum, d) => sum + d.events, 0),
      n,
    );
    assert.equal(history[0]?.start, new Date(T0).toISOString());
    assert.equal(history.at(-1)?.windows, 1);
    // The metric's values, merged, are every value sent: 450 of each of 0..9.
    const count = history.reduce((sum, d) => sum + (d.metrics['delay-calls-per-1k-bookings']?.count ?? 0), 0);
    assert.equal(count, n);
  }));

// Window [T0, T0] closes, thousands more close after it and it is merged into a coarser digest;
// then an event of its span arrives, and the window closes again with both its parts.
test('counts a window closed again, long after, once in its history: its new part joins the merged digest', () =>
  withMonitor(1, async (monitor) => {
    const n = 4500;
    const event = (i: number, id = `e${i}`) => ({
      id,
      timestamp: new Date(T0 + i * 1000).toISOString(),
      outputs: { delay_probability: 0.1 },
      metrics: { 'delay-calls-per-1k-bookings': 1 },
    });
    await monitor.add(
      Array.from({ length: n }, (_, i) => ({ seq: i + 1, event: event(i) })),
      T0 + n * 1000,
    );
    await monitor.add([{ seq: n + 1, event: event(0, 'e0-late') }], T0 + n * 1000);
    const history = monitor.observed().get('delay-classifier')?.history ?? [];
    const sum = (f: (d: (typeof history)[number]) => number) => history.reduce((a, d) => a + f(d), 0);
    assert.equal(history[0]?.start, new Date(T0).toISOString());
    assert.ok((history[0]?.windows ?? 0) > 1, 'the first window is merged with others');
    assert.equal(
      sum((d) => d.windows),
      n,
    );
    assert.equal(
      sum((d) => d.events),
      n + 1,
    );
    assert.equal(
      sum((d) => d.metrics['delay-calls-per-1k-bookings']?.count ?? 0),
      n + 1,
    );
  }));
