// The monitor's HTTP API over real loopback HTTP, on SQLite and on PostgreSQL: one test body, two setups.
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadSystem } from '../../src/descriptors/load.js';
import { BODY_LIMIT_BYTES, buildApp } from '../../src/serve/app.js';
import { MAX_BATCH_ITEMS } from '../../src/serve/batch.js';
import type { Clock } from '../../src/serve/clock.js';
import { MAX_DEPTH } from '../../src/serve/json-body.js';
import type { Store } from '../../src/serve/store/store.js';
import { type Served, serveSystems } from '../../src/serve/systems.js';
import { dovetail, EXAMPLE, tempDir } from '../helpers.js';
import { type Postgres, startPostgres } from './postgres.js';

const SYSTEM = 'flight-delays';
const ROUTES = [
  'get /healthz',
  'get /openapi.json',
  'get /api/v1/systems',
  'get /api/v1/systems/{name}',
  'post /api/v1/systems/{name}/events',
  'post /api/v1/systems/{name}/feedback',
  'get /api/v1/systems/{name}/findings',
  'get /api/v1/systems/{name}/windows',
  'get /api/v1/systems/{name}/observations',
];
const TRACKING = ['status', 'first_seen', 'last_seen', 'resolved_at', 'occurrences', 'window'];

interface Service {
  url: string;
  dir: string;
  store: Store;
  stop(): Promise<void>;
}

// Real time, but no timer: no window closes by time while the suite runs.
const REAL_TIME: Clock = { now: () => Date.now(), every: () => () => {} };

async function startService(db?: string, clock = REAL_TIME): Promise<Service> {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  const served: Served = await serveSystems([await loadSystem([dir])], { db, warn: () => {} });
  const app: FastifyInstance = await buildApp({ systems: served.systems, version: 'test', clock });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    dir,
    store: served.systems[0]?.store ?? assert.fail('no system served'),
    async stop() {
      await app.close();
      await served.close();
    },
  };
}

function post(url: string, body: unknown, contentType = 'application/json') {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function apiSuite(start: () => Promise<Service>) {
  let service: Service;
  let api: string;
  before(async () => {
    service = await start();
    api = `${service.url}/api/v1/systems/${SYSTEM}`;
  });
  after(() => service?.stop());

  test('GET /healthz answers', async () => {
    const r = await fetch(`${service.url}/healthz`);
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { status: 'ok' });
  });

  test('the OpenAPI document lists every route with its responses', async () => {
    const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>;
    };
    assert.equal(doc.openapi, '3.1.0');
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    assert.deepEqual(listed.sort(), [...ROUTES].sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.summary, `${method} ${path} has no summary`);
        assert.ok(op.responses['200'], `${method} ${path} documents no 200 response`);
      }
    }
    const events = doc.paths['/api/v1/systems/{name}/events']?.post as unknown as {
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
    };
    assert.ok(events.requestBody.content['application/json'].schema.properties.events);
  });

  test('a batch keeps its valid events and lists the rejected ones with index and errors', async () => {
    const events = [
      { id: 'e1', timestamp: '2001-05-01T12:00:00+02:00', inputs: { distance: 1200, origin: 'SFO' }, latency_ms: 12 },
      { inptus: { distance: 3 } },
      { outputs: { delay_probability: 0.4 }, model: 'delay-classifier', model_version: '2.3.0' },
      { inputs: { distance: 'HUGE' }, latency_ms: -1 },
      { id: 'e1', inputs: { distance: 1200 } },
    ];
    // 1e999 is valid JSON that JSON.parse turns into Infinity.
    const r = await post(`${api}/events`, JSON.stringify({ events }).replace('"HUGE"', '1e999'));
    assert.equal(r.status, 200);
    const body = (await r.json()) as { accepted: number; rejected: { index: number; errors: { path: string }[] }[] };
    assert.equal(body.accepted, 3);
    assert.deepEqual(
      body.rejected.map((x) => x.index),
      [1, 3],
    );
    assert.deepEqual(
      body.rejected[0]?.errors.map((e) => e.path),
      ['/inptus', ''],
    );
    assert.deepEqual(body.rejected[1]?.errors.map((e) => e.path).sort(), ['/inputs/distance', '/latency_ms']);

    const summary = (await (await fetch(api)).json()) as Record<string, unknown>;
    assert.equal(summary.name, SYSTEM);
    assert.equal((summary.descriptors as unknown[]).length, 8);
    // e1 twice in one batch is one event; the rejected count is the batch's two invalid ones.
    assert.deepEqual(summary.events, { accepted: 2, rejected: 2 });
    assert.ok((summary.findings as { open: number }).open > 0);
    const list = (await (await fetch(`${service.url}/api/v1/systems`)).json()) as { systems: { name: string }[] };
    assert.deepEqual(
      list.systems.map((s) => s.name),
      [SYSTEM],
    );
  });

  test('id and timestamp are filled when absent; timestamps are stored in UTC', async () => {
    const before = new Date().toISOString();
    const r = await post(`${api}/events`, { events: [{ inputs: { distance: 1 } }] });
    assert.equal(((await r.json()) as { accepted: number }).accepted, 1);
    const stored = await service.store.events(SYSTEM);
    assert.equal(stored.find((e) => e.id === 'e1')?.timestamp, '2001-05-01T10:00:00.000Z');
    const filled = stored.at(-1);
    assert.match(filled?.id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok((filled?.timestamp ?? '') >= before && (filled?.timestamp ?? '') <= new Date().toISOString());
    assert.deepEqual(filled?.inputs, { distance: 1 });
  });

  test('a batch whose events all have ids and UTC timestamps is stored as sent, read back the same', async () => {
    const events = [
      { id: 'as-sent-1', timestamp: '2001-05-01T10:00:01.000Z', inputs: { distance: 700, origin: 'S\u00e9o' } },
      { outputs: { delay_probability: 0.25 }, timestamp: '2001-05-01T10:00:02.000Z', id: 'as-sent-2' },
    ];
    // Spaced out as some clients send it; the text of the array is what is stored.
    const r = await post(`${api}/events`, JSON.stringify({ events }, null, 2));
    assert.equal(((await r.json()) as { accepted: number }).accepted, 2);
    // Sent again with a new one: the two known are kept once, the new one is stored.
    const again = [...events, { id: 'as-sent-3', timestamp: '2001-05-01T10:00:03.000Z', inputs: { distance: 1 } }];
    const r2 = await post(`${api}/events`, JSON.stringify({ events: again }));
    assert.equal(((await r2.json()) as { accepted: number }).accepted, 3);
    // A key written twice: JSON.parse keeps the last array, and so does the store.
    const twice = `{"events": [${JSON.stringify(events[0])}], "events": [${JSON.stringify(again[2])}]}`;
    const r3 = await post(`${api}/events`, twice.replace('as-sent-3', 'as-sent-4'));
    assert.equal(((await r3.json()) as { accepted: number }).accepted, 1);
    const stored = (await service.store.events(SYSTEM, { limit: 1000 })).filter((e) => e.id.startsWith('as-sent-'));
    assert.deepEqual(
      stored.map(({ seq: _, received_at: __, ...e }) => e),
      [...again, { ...again[2], id: 'as-sent-4' }].map((e) => JSON.parse(JSON.stringify(e))),
    );
  });

  test('feedback joins stored events; an unknown event id is rejected', async () => {
    const r = await post(`${api}/feedback`, {
      feedback: [
        {
          event_id: 'e1',
          kind: 'user',
          actual: { delayed: false },
          comment: 'on time',
          timestamp: '2001-05-02T00:00:00Z',
        },
        { event_id: 'no-such-event', kind: 'ground_truth', actual: { delayed: true } },
        { event_id: 'e1', kind: 'guess', actual: {} },
      ],
    });
    const body = (await r.json()) as { accepted: number; rejected: { index: number; errors: { path: string }[] }[] };
    assert.equal(body.accepted, 1);
    assert.deepEqual(
      body.rejected.map((x) => [x.index, x.errors[0]?.path]),
      [
        [1, '/event_id'],
        [2, '/kind'],
      ],
    );
    const summary = (await (await fetch(api)).json()) as { feedback: unknown };
    assert.deepEqual(summary.feedback, { accepted: 1, rejected: 2 });
  });

  test('design findings are those of `dovetail check --format json`, with their history', async () => {
    const check = JSON.parse(dovetail(['check', service.dir, '--format', 'json']).stdout) as {
      findings: Record<string, unknown>[];
    };
    const r = await fetch(`${api}/findings?phase=design&status=open`);
    assert.equal(r.status, 200);
    const { findings } = (await r.json()) as { findings: Record<string, unknown>[] };
    assert.ok(findings.length > 0);
    for (const f of findings) {
      assert.equal(f.status, 'open');
      assert.equal(f.occurrences, 1);
      assert.ok(typeof f.first_seen === 'string' && f.first_seen === f.last_seen);
    }
    const untracked = findings.map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => !TRACKING.includes(k))));
    assert.deepEqual(untracked, check.findings);
    // The window an earlier test closed was checked too: its findings are of the runtime phase.
    const runtime = ((await (await fetch(`${api}/findings?phase=runtime`)).json()) as { findings: { phase: string }[] })
      .findings;
    assert.ok(runtime.length > 0 && runtime.every((f) => f.phase === 'runtime'));
    assert.equal(
      ((await (await fetch(`${api}/findings`)).json()) as { findings: unknown[] }).findings.length,
      findings.length + runtime.length,
    );
  });

  test("a later event closes e1's window: it is listed with its observation", async () => {
    const { windows } = (await (await fetch(`${api}/windows`)).json()) as { windows: Record<string, unknown>[] };
    assert.deepEqual(
      windows.map((w) => [w.id, w.events]),
      [['delay-classifier@2001-05-01T10:00:00.000Z/2001-05-01T11:00:00.000Z', 1]],
    );
    const { observations } = (await (await fetch(`${api}/observations`)).json()) as {
      observations: { window: string; observation: { events: number } }[];
    };
    assert.deepEqual(
      observations.map((o) => [o.window, o.observation.events]),
      windows.map((w) => [w.id, w.events]),
    );
  });

  test('bad input gets a 4xx with a JSON error naming the problem, and the service keeps serving', async () => {
    const deep = `{"events":[{"inputs":{"x":${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}}}]}`;
    const cases: [string, () => Promise<Response>, number, string, RegExp][] = [
      ['malformed JSON', () => post(`${api}/events`, '{"events": [{'), 400, 'invalid_json', /not valid JSON/],
      ['NaN', () => post(`${api}/events`, '{"events":[{"inputs":{"x":NaN}}]}'), 400, 'invalid_json', /NaN/],
      [
        'Infinity',
        () => post(`${api}/events`, '{"events":[{"inputs":{"x":-Infinity}}]}'),
        400,
        'invalid_json',
        /Infinity/,
      ],
      ['deep nesting', () => post(`${api}/events`, deep), 400, 'too_deep', /more than 64 levels/],
      [
        'wrong content type',
        () => post(`${api}/events`, 'x=1', 'text/plain'),
        415,
        'unsupported_media_type',
        /application\/json/,
      ],
      [
        'no content type',
        () => fetch(`${api}/events`, { method: 'POST', body: new Uint8Array([123, 125]) }),
        415,
        'unsupported_media_type',
        /application\/json/,
      ],
      ['empty body', () => post(`${api}/events`, ''), 400, 'invalid_json', /empty/],
      [
        'oversized body',
        () => post(`${api}/events`, `{"events":["${'x'.repeat(BODY_LIMIT_BYTES)}"]}`),
        413,
        'body_too_large',
        /larger than the limit/,
      ],
      [
        'too many events',
        () => post(`${api}/events`, { events: Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({ inputs: {} })) }),
        413,
        'too_many_items',
        /10001 items in "events"; send at most 10000 per request/,
      ],
      [
        'too much feedback',
        () =>
          post(`${api}/feedback`, {
            feedback: Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({ event_id: 'e', actual: {} })),
          }),
        413,
        'too_many_items',
        /10001 items in "feedback"/,
      ],
      ['not a batch', () => post(`${api}/events`, [1, 2]), 400, 'invalid_body', /"events": \[\.\.\.\]/],
      ['empty batch', () => post(`${api}/events`, { events: [] }), 400, 'invalid_body', /at least one/],
      [
        'unknown top-level field',
        () => post(`${api}/events`, { events: [{ inputs: {} }], event: 1 }),
        400,
        'invalid_body',
        /"event"/,
      ],
      [
        'unknown system',
        () => post(`${service.url}/api/v1/systems/nope/events`, { events: [{ inputs: {} }] }),
        404,
        'unknown_system',
        /nope/,
      ],
      ['unknown route', () => fetch(`${service.url}/api/v2/systems`), 404, 'not_found', /openapi\.json/],
      ['bad query', () => fetch(`${api}/findings?status=closed`), 400, 'invalid_query', /status/],
    ];
    for (const [what, request, status, code, message] of cases) {
      const r = await request();
      assert.equal(r.status, status, what);
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code, what);
      assert.match(body.error.message, message, what);
    }
    assert.equal((await fetch(`${service.url}/healthz`)).status, 200);
  });
}

describe('HTTP API on SQLite', () => {
  apiSuite(() => startService());
});

test('an event more than an hour ahead of the service clock is rejected; one within the hour is kept', async () => {
  const now = Date.parse('2001-05-01T12:00:00.000Z');
  const service = await startService(undefined, { now: () => now, every: () => () => {} });
  try {
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const events = [59, 61, 60 * 24 * 365 * 80].map((m) => ({ timestamp: at(m), inputs: { distance: 1200 } }));
    const r = await post(`${service.url}/api/v1/systems/${SYSTEM}/events`, { events });
    const body = (await r.json()) as {
      accepted: number;
      rejected: { index: number; errors: { path: string; message: string }[] }[];
    };
    assert.equal(body.accepted, 1);
    assert.deepEqual(
      body.rejected.map((x) => [x.index, x.errors.map((e) => e.path)]),
      [
        [1, ['/timestamp']],
        [2, ['/timestamp']],
      ],
    );
    assert.match(
      body.rejected[0]?.errors[0]?.message ?? '',
      /2001-05-01T13:01:00\.000Z is more than an hour ahead of the service's clock \(2001-05-01T12:00:00\.000Z\)/,
    );
    assert.deepEqual(
      (await service.store.events(SYSTEM, { limit: 10 })).map((e) => e.timestamp),
      [at(59)],
    );
  } finally {
    await service.stop();
  }
});

describe('HTTP API on PostgreSQL', () => {
  let pg: Postgres;
  before(async () => {
    pg = await startPostgres();
  });
  apiSuite(() => startService(pg.database('api')));
  // After the suite's own after hook: the service stores its last observations before the server stops.
  after(() => pg?.stop());
});
