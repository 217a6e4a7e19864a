// The service checks stored events against the model's contract and windows them: closed windows
// become stored observations, on SQLite and on PostgreSQL, over real loopback HTTP.
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadSystem } from '../../src/descriptors/load.js';
import { buildApp } from '../../src/serve/app.js';
import type { StoredObservation, StoredWindow } from '../../src/serve/store/store.js';
import { type Served, serveSystems } from '../../src/serve/systems.js';
import { EXAMPLE, tempDir } from '../helpers.js';
import { FLIGHT_EVENTS, type FlightEvent } from './flights.js';
import { ManualClock } from './manual-clock.js';
import { type Postgres, startPostgres } from './postgres.js';

const SYSTEM = 'flight-delays';
const HOUR = 3_600_000;
const EIGHT = Date.parse('2001-01-01T08:00:00.000Z');
const MILES_TO_KM = 1.609344;

/** 250 flights one second apart from 08:00; the first three are the longest routes, sent in km. */
function traffic(): FlightEvent[] {
  const long = FLIGHT_EVENTS.filter((e) => (e.inputs.distance as number) * MILES_TO_KM > 5100).slice(0, 3);
  assert.equal(long.length, 3);
  const km = long.map((e) => ({
    ...e,
    inputs: { ...e.inputs, distance: Math.round((e.inputs.distance as number) * MILES_TO_KM) },
  }));
  const rest = FLIGHT_EVENTS.filter((e) => !long.includes(e)).slice(0, 247);
  return [...km, ...rest].map((e, i) => ({
    ...e,
    id: `w${i}`,
    timestamp: new Date(EIGHT + i * 1000).toISOString(),
  }));
}

function monitorSuite(db: () => string | undefined) {
  let served: Served;
  let app: FastifyInstance;
  let api: string;
  const clock = new ManualClock(EIGHT + HOUR / 2);
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${api}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200);
    return (await r.json()) as { accepted: number; rejected: { index: number; errors: { path: string }[] }[] };
  };
  const observations = async (query = '') =>
    ((await (await fetch(`${api}/observations${query}`)).json()) as { observations: StoredObservation[] }).observations;

  before(async () => {
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    served = await serveSystems([await loadSystem([dir])], { db: db(), warn: () => {} });
    app = await buildApp({ systems: served.systems, version: 'test', window: { maxEvents: 100 }, clock });
    api = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/systems/${SYSTEM}`;
  });
  after(async () => {
    await app?.close();
    await served?.close();
  });

  test('a window closes every 100 events; its observation counts events and contract violations', async () => {
    const events = traffic();
    assert.deepEqual(await post('events', { events }), { accepted: 250, rejected: [] });
    const stored = await observations();
    assert.deepEqual(
      stored.map((o) => o.observation.events),
      [100, 100],
    );
    const [second, first] = stored.map((o) => o.observation);
    assert.ok(first && second);
    assert.equal(first.window.start, '2001-01-01T08:00:00.000Z');
    assert.equal(first.window.end, '2001-01-01T08:01:39.001Z');
    assert.equal(stored[1]?.window, `delay-classifier@${first.window.start}/${first.window.end}`);
    assert.equal(stored[1]?.at, new Date(clock.now()).toISOString());
    assert.deepEqual(first.model, { name: 'delay-classifier', version: '2.3.0' });
    assert.equal(first.inputs.rows, 100);
    assert.equal(first.latency.summary.count, 100);
    const range = first.contract.violations.find((v) => v.kind === 'range' && v.field === 'distance');
    assert.equal(range?.count, 3);
    assert.deepEqual(
      range?.examples.map((x) => x.event),
      ['w0', 'w1', 'w2'],
    );
    assert.equal(range?.declared.file, 'data-pipeline.yaml');
    assert.equal(
      second.contract.violations.find((v) => v.kind === 'range' && v.field === 'distance'),
      undefined,
    );

    const windows = ((await (await fetch(`${api}/windows`)).json()) as { windows: StoredWindow[] }).windows;
    assert.deepEqual(
      windows.map((w) => [w.id, w.model, w.events]),
      stored.map((o) => [o.window, 'delay-classifier', o.observation.events]),
    );
  });

  test('an event for a model or version the system does not declare is rejected', async () => {
    const [event] = traffic();
    const r = await post('events', {
      events: [
        { ...event, id: 'other-model', model: 'price-predictor' },
        { ...event, id: 'other-version', model: 'delay-classifier', model_version: '3' },
      ],
    });
    assert.equal(r.accepted, 0);
    assert.deepEqual(
      r.rejected.map((x) => [x.index, x.errors.map((e) => e.path)]),
      [
        [0, ['/model']],
        [1, ['/model_version']],
      ],
    );
  });

  test('feedback joins the window of its event, ground truth once; the window closes by time when the clock passes its end', async () => {
    const feedback = [
      ...Array.from({ length: 10 }, (_, i) => ({
        event_id: `w${200 + i}`,
        kind: 'ground_truth',
        actual: { delayed: true },
      })),
      { event_id: 'w240', kind: 'user', actual: { delayed: false } },
    ];
    assert.equal((await post('feedback', { feedback })).accepted, 11);
    // Sent again (a client's retry): acknowledged; the ground truth counts once, user feedback twice.
    assert.equal((await post('feedback', { feedback })).accepted, 11);
    await clock.tick(EIGHT + HOUR - 1);
    assert.equal((await observations()).length, 2);
    await clock.tick(EIGHT + HOUR);
    const [latest] = await observations('?limit=1');
    assert.equal(latest?.at, '2001-01-01T09:00:00.000Z');
    const o = latest?.observation;
    assert.equal(o?.events, 50);
    assert.equal(o?.window.end, '2001-01-01T09:00:00.000Z');
    assert.deepEqual([o?.feedback.ground_truth, o?.feedback.user], [10, 2]);
    assert.equal((await observations()).length, 3);
  });

  test('limit is checked', async () => {
    const r = await fetch(`${api}/windows?limit=0`);
    assert.equal(r.status, 400);
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'invalid_query');
    assert.equal((await fetch(`${api}/observations?limit=1001`)).status, 400);
  });

  test('a window closed by the clock and reopened by a late event is stored once, both parts merged', async () => {
    const at = (minutes: number) => new Date(EIGHT + 3 * HOUR + minutes * 60_000).toISOString();
    const event = (id: string, minutes: number) => ({ ...(traffic()[10] as FlightEvent), id, timestamp: at(minutes) });
    clock.time = EIGHT + 3 * HOUR;
    assert.equal((await post('events', { events: [event('reopen1', 1)] })).accepted, 1);
    await clock.tick(EIGHT + 5 * HOUR);
    assert.equal((await post('events', { events: [event('reopen2', 2), event('reopen3', 3)] })).accepted, 2);
    await clock.tick(EIGHT + 6 * HOUR);
    const id = `delay-classifier@${at(0)}/${new Date(EIGHT + 4 * HOUR).toISOString()}`;
    const stored = (await observations('?limit=1000')).filter((o) => o.window === id);
    assert.deepEqual(
      stored.map((o) => o.observation.events),
      [3],
    );
    const { windows } = (await (await fetch(`${api}/windows?limit=1000`)).json()) as { windows: StoredWindow[] };
    assert.deepEqual(
      windows.filter((w) => w.id === id).map((w) => w.events),
      [3],
    );
  });

  test('shutdown closes the open window and stores its observation', async () => {
    const events = traffic()
      .slice(0, 5)
      .map((e, i) => ({ ...e, id: `late${i}`, timestamp: new Date(EIGHT + HOUR + i * 1000).toISOString() }));
    assert.equal((await post('events', { events })).accepted, 5);
    await app.close();
    const store = served.systems[0]?.store ?? assert.fail('no system served');
    const last = (await store.observations(SYSTEM, 100)).find(
      (o) => o.observation.window.start === '2001-01-01T09:00:00.000Z',
    );
    assert.equal(last?.observation.events, 5);
    assert.equal(last?.at, new Date(clock.now()).toISOString());
  });
}

/**
 * A service that stops without closing its open window (as a crash would), restarted on the same
 * store: the open window is refilled with the events no closed window holds, each counted once.
 * The windows close by count, and the clock is far from the store's: only arrival order can tell
 * which events a closed window holds.
 */
async function refillAfterCrash(db: string | undefined) {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  const clock = new ManualClock(EIGHT + HOUR / 2);
  const start = async () => {
    const served = await serveSystems([await loadSystem([dir])], { db, warn: () => {} });
    const app = await buildApp({ systems: served.systems, version: 'test', window: { maxEvents: 100 }, clock });
    return { served, app, api: `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/systems/${SYSTEM}` };
  };
  const crashed = await start();
  const events = traffic();
  for (const part of [events.slice(0, 130), events.slice(130)]) {
    const r = await fetch(`${crashed.api}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: part }),
    });
    assert.equal(((await r.json()) as { accepted: number }).accepted, part.length);
  }
  const restarted = await start();
  try {
    await restarted.app.close();
    const stored = await (restarted.served.systems[0]?.store ?? assert.fail('no system served')).observations(
      SYSTEM,
      100,
    );
    // Two windows of 100 closed before the crash; the 50 events of the open one, refilled, at shutdown.
    assert.deepEqual(
      stored.map((o) => o.observation.events).sort((a, b) => a - b),
      [50, 100, 100],
    );
  } finally {
    await restarted.served.close();
    await crashed.app.close();
    await crashed.served.close();
  }
}

/**
 * A replay of past traffic: one batch of 150 events an hour apart closes 149 windows, more than are
 * checked at a time; a second batch sent meanwhile is windowed after the whole first one.
 */
async function replaySpanningWindows(db: string | undefined) {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  const served = await serveSystems([await loadSystem([dir])], { db, warn: () => {} });
  const app = await buildApp({ systems: served.systems, version: 'test', clock: new ManualClock(EIGHT + 150 * HOUR) });
  try {
    const api = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/systems/${SYSTEM}`;
    const hours = traffic()
      .slice(0, 150)
      .map((e, i) => ({ ...e, timestamp: new Date(EIGHT + i * HOUR).toISOString() }));
    const late = traffic()
      .slice(150, 153)
      .map((e) => ({ ...e, timestamp: new Date(EIGHT + 149 * HOUR + 60_000).toISOString() }));
    const answers = await Promise.all(
      [hours, late].map(async (events) => {
        const r = await fetch(`${api}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        return ((await r.json()) as { accepted: number }).accepted;
      }),
    );
    assert.deepEqual(answers, [150, 3]);
    await app.close();
    const store = served.systems[0]?.store ?? assert.fail('no system served');
    const stored = (await store.observations(SYSTEM, 200)).map((o) => o.observation).reverse();
    assert.equal(stored.length, 150);
    stored.forEach((o, i) => {
      assert.equal(o.window.start, new Date(EIGHT + i * HOUR).toISOString());
      assert.equal(o.events, i === 149 ? 4 : 1, `window ${o.window.start}`);
    });
  } finally {
    await app.close();
    await served.close();
  }
}

describe('contract checks and windows on SQLite', () => {
  monitorSuite(() => undefined);
  test('after a crash, the open window is refilled with the events no closed window holds', () =>
    refillAfterCrash(undefined));
  test('a batch closing more windows than are checked at a time stores each, then the next batch', () =>
    replaySpanningWindows(undefined));
});

describe('contract checks and windows on PostgreSQL', () => {
  let pg: Postgres;
  before(async () => {
    pg = await startPostgres();
  });
  monitorSuite(() => pg.database('windows'));
  test('after a crash, the open window is refilled with the events no closed window holds', () =>
    refillAfterCrash(pg.database('refill')));
  test('a batch closing more windows than are checked at a time stores each, then the next batch', () =>
    replaySpanningWindows(pg.database('replay')));
  // After the suite's own after hook: the service stores its last observations before the server stops.
  after(() => pg?.stop());
});
