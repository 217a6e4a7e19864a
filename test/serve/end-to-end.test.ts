// The monitor end to end, on real flights (vega-datasets flights-10k, 2001): January profiles the
// training data; February is replayed day by day as traffic. The first week comes through the ingest
// API from a healthy model; the second through the proxy, in front of a stand-in model server that has
// gone wrong (slow, a probability near zero for every flight) while a client sends distances in
// kilometres; the third week is healthy again, through the ingest API. Ground truth for each day
// arrives a day later. The run-time findings the second week shows must open, and resolve in the
// third. Real HTTP on loopback, a real SQLite store, one-day windows on a manual clock.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { profileColumns } from '../../src/data/profile/profile.js';
import { loadSystem } from '../../src/descriptors/load.js';
import { buildApp } from '../../src/serve/app.js';
import type { TrackedFinding } from '../../src/serve/store/store.js';
import { type Served, serveSystems } from '../../src/serve/systems.js';
import { EXAMPLE, tempDir } from '../helpers.js';
import { departure, FLIGHTS, type Flight, probability } from './flights.js';
import { ManualClock } from './manual-clock.js';

const SYSTEM = 'flight-delays';
const DAY = 86_400_000;
const MILES_TO_KM = 1.609344;
/** The stand-in model server's answer time while it is broken: over the 20ms production requires. */
const SLOW_MS = 30;

const day = (f: Flight) => f.date.slice(0, 10);
const february = (from: number, to: number) =>
  FLIGHTS.filter((f) => {
    const d = Number(f.date.slice(8, 10));
    return f.date.startsWith('2001/02') && d >= from && d <= to;
  });
const eventId = (f: Flight) => `${f.date.replace(/\D/g, '')}-${f.origin}-${f.destination}-${f.distance}-${f.delay}`;
const inputs = (f: Flight, km = false) => ({
  scheduled_departure: departure(f),
  origin: f.origin,
  destination: f.destination,
  distance: km ? Math.round(f.distance * MILES_TO_KM) : f.distance,
});
/** Departure time as the event's time: windows are days of 2001. */
const at = (f: Flight) => Date.parse(`${departure(f)}Z`);

/** The example system with a training profile of January's flights and how to read ground truth. */
function system(): string {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  const january = FLIGHTS.filter((f) => f.date.startsWith('2001/01'));
  const profile = profileColumns(
    {
      scheduled_departure: january.map(departure),
      origin: january.map((f) => f.origin),
      destination: january.map((f) => f.destination),
      distance: january.map((f) => f.distance),
    },
    { types: { scheduled_departure: 'datetime', origin: 'category', destination: 'category', distance: 'integer' } },
  );
  writeFileSync(join(dir, 'training.profile.json'), JSON.stringify(profile));
  const training = join(dir, 'training-data.yaml');
  writeFileSync(training, `${readFileSync(training, 'utf8')}profile: training.profile.json\n`);
  const project = join(dir, 'dovetail.yaml');
  const settings = readFileSync(project, 'utf8').replace(
    /\nsettings:\n/,
    '\nsettings:\n  classification:\n    - output: delay_probability\n      actual: delayed\n      threshold: 0.24\n',
  );
  writeFileSync(project, settings);
  return dir;
}

/** A model server speaking MLflow's scoring protocol, broken: slow, and sure no flight is late. */
async function brokenModelServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const { dataframe_records: rows } = JSON.parse(body) as { dataframe_records: unknown[] };
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ predictions: rows.map(() => ({ delay_probability: 0.01, model_version: '2.3.0' })) }),
        );
      }, SLOW_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('run-time findings open on a bad week of flights and resolve when traffic is normal again', () => {
  let served: Served;
  let app: FastifyInstance;
  let base: string;
  let model: { url: string; server: Server };
  const clock = new ManualClock(Date.parse('2001-02-01T00:00:00Z'));
  /** Flights whose ground truth is due: posted the day after their departure. */
  let pending: Flight[] = [];

  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${base}/api/v1/systems/${SYSTEM}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200, await r.clone().text());
    const answer = (await r.json()) as { accepted: number; rejected: unknown[] };
    assert.deepEqual(answer.rejected, []);
    return answer;
  };
  const findings = async (): Promise<TrackedFinding[]> =>
    (
      (await (await fetch(`${base}/api/v1/systems/${SYSTEM}/findings?phase=runtime`)).json()) as {
        findings: TrackedFinding[];
      }
    ).findings;
  const open = async () => (await findings()).filter((f) => f.status === 'open');
  const groundTruth = async () => {
    if (!pending.length) return;
    const feedback = pending.map((f) => ({
      event_id: eventId(f),
      kind: 'ground_truth',
      name: 'actual-arrival-delay',
      actual: { delayed: f.delay > 15, arrival_delay: f.delay },
    }));
    await post('feedback', { feedback });
    pending = [];
  };

  /**
   * One day of flights from the healthy model, through the ingest API once the last has departed (an
   * event may not be ahead of the service's clock); then yesterday's ground truth.
   */
  const healthyDay = async (flights: Flight[]) => {
    clock.time = Math.max(...flights.map(at));
    const events = flights.map((f, i) => ({
      id: eventId(f),
      timestamp: `${departure(f)}Z`,
      inputs: inputs(f),
      outputs: { delay_probability: probability(f), model_version: '2.3.0' },
      latency_ms: 4 + (i % 9),
    }));
    await post('events', { events });
    await groundTruth();
    pending = flights;
  };

  /** One request through the proxy, its id in X-Request-Id. */
  const predict = async (f: Flight) => {
    const r = await fetch(`${base}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': eventId(f) },
      body: JSON.stringify({ dataframe_records: [inputs(f, true)] }),
    });
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { predictions: [{ delay_probability: 0.01, model_version: '2.3.0' }] });
  };

  /**
   * One day through the proxy, eight clients at a time (all recorded at the day's first departure),
   * each flight its own request with its distance in km; then yesterday's ground truth.
   */
  const brokenDay = async (flights: Flight[]) => {
    clock.time = at(flights[0] as Flight);
    for (let i = 0; i < flights.length; i += 8) await Promise.all(flights.slice(i, i + 8).map(predict));
    await waitForRecording(flights.length);
    await groundTruth();
    pending = flights;
  };

  let recorded = 0;
  /** The proxy records after answering: wait until the day's events are stored. */
  const waitForRecording = async (n: number) => {
    recorded += n;
    for (let i = 0; i < 500; i++) {
      const summary = (await (await fetch(`${base}/api/v1/systems/${SYSTEM}`)).json()) as {
        events: { accepted: number };
      };
      if (summary.events.accepted >= recorded) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.fail(`the proxy recorded fewer than ${recorded} events`);
  };

  const byDay = (flights: Flight[]) => {
    const days = new Map<string, Flight[]>();
    for (const f of flights) days.set(day(f), [...(days.get(day(f)) ?? []), f]);
    return [...days.values()];
  };

  before(async () => {
    model = await brokenModelServer();
    served = await serveSystems([await loadSystem([system()])], { warn: () => {} });
    app = await buildApp({
      systems: served.systems,
      version: 'test',
      clock,
      window: { durationMs: DAY },
      proxy: { url: model.url, protocol: 'mlflow', recordEveryMs: 1 },
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app?.close();
    await served?.close();
    model?.server.close();
  });

  const RULES = [
    'data-distribution/profile-drift',
    'data-schema/input-contract',
    'computing-resource/inference-time',
    'requirements/observed-performance',
  ];
  /**
   * The findings the broken week must open: of the contract, those about distance (a few rare airports
   * training never saw come and go with the days), of performance, recall against its goal.
   */
  const watched = (list: TrackedFinding[]) =>
    list.filter(
      (f) =>
        RULES.includes(f.rule) &&
        (f.rule !== 'data-schema/input-contract' || /input `distance`/.test(f.message)) &&
        (f.rule !== 'requirements/observed-performance' || /goal G-01/.test(f.message)),
    );

  test('a healthy week: none of the watched findings opens', async () => {
    for (const flights of byDay(february(1, 7))) await healthyDay(flights);
    assert.deepEqual(
      watched(await open()).map((f) => f.message),
      [],
    );
    const all = await findings();
    assert.ok(all.length > 0, 'run-time rules ran: the example collects metrics nobody sends');
  });

  test('a broken week through the proxy: drift, range violations, slow answers and recall below the goal', async () => {
    for (const flights of byDay(february(8, 14))) await brokenDay(flights);
    // Routes over 3,169 miles (5,100 in km) are few: the range violations open on the days that have one.
    const all = watched(await findings());
    assert.deepEqual(
      [...new Set(all.map((f) => f.rule))].sort(),
      [...RULES].sort(),
      all.map((f) => f.message).join('\n'),
    );
    const shown = watched(await open());
    assert.deepEqual(
      [...new Set(shown.map((f) => f.rule))].sort(),
      RULES.filter((r) => r !== 'data-schema/input-contract').sort(),
    );
    const drift = shown.find((f) => f.rule === 'data-distribution/profile-drift');
    assert.match(drift?.message ?? '', /column `distance` of production-data `booking-traffic` has drifted/);
    const range = all.find((f) => f.rule === 'data-schema/input-contract');
    assert.ok(range && range.first_seen >= '2001-02-08' && range.first_seen < '2001-02-15');
    assert.match(range?.message ?? '', /input `distance` out of its declared range: expected 10 to 5100/);
    const slow = shown.find((f) => f.rule === 'computing-resource/inference-time');
    assert.match(slow?.message ?? '', /the 95th percentile of latency was \d+(\.\d+)?ms .* requires 20ms/);
    const recall = shown.find((f) => f.rule === 'requirements/observed-performance');
    assert.match(
      recall?.message ?? '',
      /: recall 0(\.\d+)? \(99% Wilson interval .*; goal G-01 .* needs recall >= 0\.5$/,
    );
    // Day 14's window is still open: the latest closed one is day 13's.
    for (const f of shown) assert.equal(f.window, 'delay-classifier@2001-02-13T00:00:00.000Z/2001-02-14T00:00:00.000Z');
    for (const f of all) assert.equal(f.phase, 'runtime');
  });

  test('a healthy week again: every one of them resolves', async () => {
    for (const flights of byDay(february(15, 21))) await healthyDay(flights);
    await clock.tick(Date.parse('2001-02-23T00:00:00Z'));
    await groundTruth();
    const list = watched(await findings());
    assert.ok(list.length >= RULES.length);
    for (const f of list) {
      assert.equal(f.status, 'resolved', f.message);
      assert.ok(f.resolved_at && f.first_seen < f.resolved_at);
    }
  });
});
