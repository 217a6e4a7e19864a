// `dovetail serve --proxy` over real loopback HTTP: stand-in model servers speaking each protocol
// with real flights, the monitor in front of them on a real SQLite store, and the CLI that starts it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadSystem } from '../../src/descriptors/load.js';
import { buildApp } from '../../src/serve/app.js';
import type { Clock } from '../../src/serve/clock.js';
import { PrometheusMetrics } from '../../src/serve/metrics.js';
import { PROTOCOL_NAMES } from '../../src/serve/protocols/index.js';
import { type ProxyOptions, proxyCounts } from '../../src/serve/proxy.js';
import { openStore } from '../../src/serve/store/open.js';
import type { StoredEvent } from '../../src/serve/store/store.js';
import { defaultDatabase, type Served, serveSystems } from '../../src/serve/systems.js';
import { BIN, dovetail, EXAMPLE, tempDir } from '../helpers.js';
import { departure, FLIGHTS, type Flight, probability } from './flights.js';

const SYSTEM = 'flight-delays';
const MODEL = 'delay-classifier';
const VERSION = '2.3.0';
/** How long the stand-in model thinks: the recorded latency cannot be below it. */
const THINK_MS = 15;

/** The example system, without the monitor's data a `dovetail serve` run in it may have left. */
const copyExample = (dir: string) =>
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => basename(src) !== '.dovetail' });

type Row = Record<string, unknown>;

const inputsOf = (f: Flight): Row => ({
  scheduled_departure: departure(f),
  origin: f.origin,
  destination: f.destination,
  distance: f.distance,
});

/** The stand-in model: the flights helper's score, from the inputs a model server receives. */
const score = (row: Row) =>
  probability({
    date: String(row.scheduled_departure).replace(/-/g, '/').replace('T', ' '),
    distance: Number(row.distance),
    delay: 0,
    origin: String(row.origin),
    destination: String(row.destination),
  });

interface Answer {
  status: number;
  headers?: Record<string, string | string[]>;
  body: string | Buffer;
}

/** A request as the model server received it. */
interface Received {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

/** The same fixed headers on every answer, so that two answers can be compared byte for byte. */
const FIXED = { date: 'Tue, 01 May 2001 08:15:00 GMT', server: 'stand-in/1.0', 'x-request-cost': '0.002' };

function json(body: unknown, status = 200): Answer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The prediction endpoints of each protocol, as their servers answer them. */
function modelServer(path: string, body: Row): Answer | undefined {
  if (/^\/v2\/models\/[^/]+(\/versions\/[^/]+)?\/infer$/.test(path)) {
    const tensors = body.inputs as { name: string; data: unknown[] }[];
    const rows = (tensors[0]?.data ?? []).map((_, i) => Object.fromEntries(tensors.map((t) => [t.name, t.data[i]])));
    return json({
      model_name: MODEL,
      model_version: VERSION,
      id: body.id,
      outputs: [{ name: 'delay_probability', shape: [rows.length], datatype: 'FP32', data: rows.map(score) }],
    });
  }
  if (path === '/invocations') {
    const split = body.dataframe_split as { columns: string[]; data: unknown[][] } | undefined;
    const rows = split
      ? split.data.map((r) => Object.fromEntries(split.columns.map((c, i) => [c, r[i]])))
      : (body.dataframe_records as Row[]);
    return json({ predictions: rows.map((r) => ({ delay_probability: score(r) })) });
  }
  if (/^\/v1\/models\/[^/:]+(\/versions\/[^/:]+)?:predict$/.test(path)) {
    const rows = body.instances as Row[];
    return json({ predictions: rows.map((r) => ({ delay_probability: score(r), model_version: VERSION })) });
  }
  if (path === '/v1/predict') {
    const rows = body.flights as Row[];
    return json({ results: rows.map((r) => ({ delay_probability: score(r), model_version: VERSION })) });
  }
  return undefined;
}

/** What the stand-in answers besides predictions: errors, an empty answer, an echo of the request. */
function otherPaths(r: Received): Answer | undefined {
  const path = r.url.split('?')[0];
  if (path?.endsWith('/echo')) return json({ method: r.method, url: r.url, headers: r.rawHeaders });
  if (path === '/v2/health/ready') return { status: 200, body: '' };
  if (path === '/v2/models/missing/infer') return json({ error: 'Model missing not found' }, 400);
  if (path === '/v2/models/crash/infer')
    return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'boom' };
  return undefined;
}

const NOT_FOUND: Answer = { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not Found</h1>' };

interface StandIn {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A model server on loopback: predictions for every protocol, and the odd paths of `otherPaths`. */
async function standIn(answer?: (r: Received) => Answer | undefined): Promise<StandIn> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      };
      received.push(r);
      if (r.url.startsWith('/slow')) return; // never answers
      let a = answer?.(r) ?? otherPaths(r);
      if (!a && req.method === 'POST') {
        try {
          a = modelServer(r.url, JSON.parse(r.body.toString('utf8')) as Row);
        } catch {
          a = json({ error: 'the body is not JSON' }, 400);
        }
      }
      a ??= NOT_FOUND;
      setTimeout(() => {
        if (r.url === '/v2/chunked') {
          res.writeHead(200, { ...FIXED, 'content-type': 'text/plain' });
          res.write('first part, ');
          return res.end('second part');
        }
        res.writeHead(a.status, { ...FIXED, 'content-length': Buffer.byteLength(a.body), ...a.headers });
        res.end(a.body);
      }, THINK_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface Reply {
  status: number;
  statusMessage: string;
  /** As sent, less the headers about the connection itself. */
  rawHeaders: string[];
  body: Buffer;
}

const CONNECTION = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/** One request over node:http, to see the answer exactly as sent (fetch folds and lower-cases headers). */
function send(
  base: string,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] as string;
          if (!CONNECTION.has(name.toLowerCase())) raw.push(name, res.rawHeaders[i + 1] as string);
        }
        resolve({
          status: res.statusCode ?? 0,
          statusMessage: res.statusMessage ?? '',
          rawHeaders: raw,
          body: Buffer.concat(chunks),
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Proxy {
  url: string;
  served: Served;
  app: FastifyInstance;
  events(): Promise<StoredEvent[]>;
  /** Waits until `n` events are stored (recording runs after each answer). */
  recorded(n: number): Promise<StoredEvent[]>;
  stop(): Promise<void>;
}

async function startProxy(proxy: ProxyOptions): Promise<Proxy> {
  const dir = tempDir();
  copyExample(dir);
  const served = await serveSystems([await loadSystem([dir])], { warn: () => {} });
  // Real time, but no timer: windows close when the app closes.
  const clock: Clock = { now: () => Date.now(), every: () => () => {} };
  // Recorded events are written every 20 ms rather than every second, so that tests run quickly.
  const metrics = new PrometheusMetrics([SYSTEM]);
  const app = await buildApp({
    systems: served.systems,
    version: 'test',
    clock,
    proxy: { recordEveryMs: 20, ...proxy },
    metrics,
    listeners: [metrics],
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const store = served.systems[0]?.store ?? assert.fail('no system served');
  const events = () => store.events(SYSTEM);
  return {
    url,
    served,
    app,
    events,
    async recorded(n) {
      for (let waited = 0; waited < 5000; waited += 10) {
        const stored = await events();
        if (stored.length >= n) return stored;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.fail(`${n} events were not recorded within 5 s; ${(await events()).length} were`);
    },
    async stop() {
      await app.close();
      await served.close();
    },
  };
}

/** Prints to stderr are the proxy's reports: collect them instead. */
function captureStderr(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  return {
    lines,
    restore() {
      process.stderr.write = write;
    },
  };
}

const flights = FLIGHTS.slice(200, 203) as Flight[];
const rows = flights.map(inputsOf);
const outputs = rows.map((r) => ({ delay_probability: score(r) }));

const kserveRequest = (batch: Row[], id = 'req-1') =>
  JSON.stringify({
    id,
    inputs: [
      {
        name: 'scheduled_departure',
        shape: [batch.length],
        datatype: 'BYTES',
        data: batch.map((r) => r.scheduled_departure),
      },
      { name: 'origin', shape: [batch.length], datatype: 'BYTES', data: batch.map((r) => r.origin) },
      { name: 'destination', shape: [batch.length], datatype: 'BYTES', data: batch.map((r) => r.destination) },
      { name: 'distance', shape: [batch.length], datatype: 'INT64', data: batch.map((r) => r.distance) },
    ],
  });

describe('the proxy in front of a KServe v2 model server', () => {
  let model: StandIn;
  let proxy: Proxy;
  /** Events this suite's predictions make: each test waits for its own to be stored. */
  let expected = 0;
  before(async () => {
    model = await standIn();
    proxy = await startProxy({ url: `${model.url}/`, protocol: 'kserve-v2' });
  });
  after(async () => {
    await proxy?.stop();
    await model?.close();
  });

  test("the client gets the model server's answer exactly: status, headers, body bytes", async () => {
    const body = kserveRequest(rows);
    const direct = await send(model.url, 'POST', `/v2/models/${MODEL}/infer`, body);
    const proxied = await send(proxy.url, 'POST', `/v2/models/${MODEL}/infer`, body);
    assert.equal(direct.status, 200);
    assert.deepEqual(proxied, direct);
    expected += 3;
    await proxy.recorded(expected);
  });

  test('each row of a prediction becomes one event: inputs, outputs, model, version, latency', async () => {
    const before = expected;
    expected += 3;
    const sent = Date.now();
    await send(proxy.url, 'POST', `/v2/models/${MODEL}/infer`, kserveRequest(rows, 'req-2'));
    const events = (await proxy.recorded(expected)).slice(before);
    assert.equal(events.length, 3);
    assert.deepEqual(
      events.map((e) => e.inputs),
      rows,
    );
    assert.deepEqual(
      events.map((e) => e.outputs),
      outputs,
    );
    for (const e of events) {
      assert.equal(e.model, MODEL);
      assert.equal(e.model_version, VERSION);
      // The request's latency, given to each of its rows: at least what the model took.
      assert.ok((e.latency_ms ?? 0) >= THINK_MS - 1, `latency ${e.latency_ms}`);
      assert.ok((e.latency_ms ?? 0) < 2000);
      assert.ok(Math.abs(Date.parse(e.timestamp) - sent) < 2000);
    }
    assert.equal(new Set(events.map((e) => e.latency_ms)).size, 1);
  });

  test('requests are forwarded unchanged: method, path under the base URL, query, headers, body bytes', async () => {
    const bytes = Buffer.from([0, 255, 128, 10, 13, 0x7b]);
    await send(proxy.url, 'PUT', '/v2/repository/echo?x=1&y=%20', bytes, {
      'content-type': 'application/octet-stream',
      'x-trace-id': 'abc',
      authorization: 'Bearer t0k3n',
      connection: 'keep-alive, x-hop',
      'x-hop': 'dropped',
    });
    const got = model.received.at(-1) ?? assert.fail('nothing received');
    assert.equal(got.method, 'PUT');
    assert.equal(got.url, '/v2/repository/echo?x=1&y=%20');
    assert.deepEqual(got.body, bytes);
    const headers = new Map<string, string>();
    for (let i = 0; i < got.rawHeaders.length; i += 2)
      headers.set((got.rawHeaders[i] as string).toLowerCase(), got.rawHeaders[i + 1] as string);
    assert.equal(headers.get('host'), new URL(model.url).host);
    assert.equal(headers.get('x-trace-id'), 'abc');
    assert.equal(headers.get('authorization'), 'Bearer t0k3n');
    assert.equal(headers.get('content-type'), 'application/octet-stream');
    assert.equal(headers.get('content-length'), String(bytes.length));
    assert.equal(headers.has('x-hop'), false);
  });

  test('errors of the model server pass through untouched and record nothing', async () => {
    const counts = { ...proxyCounts(SYSTEM) };
    for (const [method, path, body] of [
      ['POST', '/v2/models/missing/infer', kserveRequest(rows)],
      ['POST', '/v2/models/crash/infer', kserveRequest(rows)],
      ['POST', `/v2/models/${MODEL}/infer`, '{"inputs": [oops'],
      ['GET', '/v2/nowhere', undefined],
      ['GET', '/v2/health/ready', undefined],
    ] as const) {
      const direct = await send(model.url, method, path, body);
      const proxied = await send(proxy.url, method, path, body);
      assert.deepEqual(proxied, direct, `${method} ${path}`);
    }
    // Much longer than the proxy waits before it writes what it recorded.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await proxy.events()).length, expected);
    assert.equal(proxyCounts(SYSTEM)?.unreadable, counts.unreadable);
  });

  test('an answer sent in chunks is passed on whole, with its length', async () => {
    const direct = await send(model.url, 'GET', '/v2/chunked');
    const proxied = await send(proxy.url, 'GET', '/v2/chunked');
    assert.equal(direct.rawHeaders.includes('Content-Length'), false);
    assert.deepEqual(proxied, { ...direct, rawHeaders: [...direct.rawHeaders, 'Content-Length', '23'] });
    assert.equal(proxied.body.toString(), 'first part, second part');
  });

  test("the monitor's own paths are not forwarded", async () => {
    const forwarded = model.received.length;
    assert.deepEqual(await (await fetch(`${proxy.url}/healthz`)).json(), { status: 'ok' });
    const missing = await fetch(`${proxy.url}/api/v1/nowhere`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
    const doc = (await (await fetch(`${proxy.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    assert.equal(
      Object.keys(doc.paths).some(
        (p) => !p.startsWith('/api/') && p !== '/healthz' && p !== '/openapi.json' && p !== '/metrics',
      ),
      false,
    );
    const systems = (await (await fetch(`${proxy.url}/api/v1/systems/${SYSTEM}`)).json()) as {
      events: { accepted: number };
    };
    assert.equal(systems.events.accepted, (await proxy.events()).length);
    assert.equal((await fetch(`${proxy.url}/metrics`)).status, 200);
    assert.equal(model.received.length, forwarded);
  });

  test('concurrent batches: every row of every request is recorded once', async () => {
    const before = expected;
    expected += 100;
    const batches = Array.from({ length: 20 }, (_, i) => FLIGHTS.slice(300 + i * 5, 305 + i * 5).map(inputsOf));
    const answers = await Promise.all(
      batches.map((b, i) => send(proxy.url, 'POST', `/v2/models/${MODEL}/infer`, kserveRequest(b, `c${i}`))),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      batches.map(() => 200),
    );
    const events = (await proxy.recorded(expected)).slice(before);
    assert.equal(events.length, 100);
    const byDeparture = (r: Row) => `${r.scheduled_departure} ${r.origin} ${r.destination}`;
    assert.deepEqual(events.map((e) => byDeparture(e.inputs ?? {})).sort(), batches.flat().map(byDeparture).sort());
    for (const e of events) assert.deepEqual(e.outputs, { delay_probability: score(e.inputs ?? {}) });
  });

  test('/metrics counts what the proxy forwarded and recorded', async () => {
    const text = await (await fetch(`${proxy.url}/metrics`)).text();
    const counts = proxyCounts(SYSTEM) ?? assert.fail('no proxy counts');
    const value = (name: string, outcome: string) =>
      Number(new RegExp(`^${name}\\{system="${SYSTEM}",outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
    assert.equal(value('dovetail_proxy_requests_total', 'forwarded'), counts.forwarded);
    assert.equal(value('dovetail_proxy_events_total', 'recorded'), expected);
    assert.match(text, new RegExp(`^dovetail_events_accepted_total\\{system="${SYSTEM}"\\} ${expected}$`, 'm'));
  });
});

describe('the proxy with MLflow, TF Serving and plain JSON model servers', () => {
  let model: StandIn;
  before(async () => {
    model = await standIn();
  });
  after(() => model?.close());

  const cases: {
    name: string;
    options: Omit<ProxyOptions, 'url'>;
    path: string;
    body: string;
    version?: string;
    outputs: Row[];
  }[] = [
    {
      name: 'MLflow (dataframe_split)',
      options: { protocol: 'mlflow' },
      path: '/invocations',
      body: JSON.stringify({
        dataframe_split: { columns: Object.keys(rows[0] ?? {}), data: rows.map((r) => Object.values(r)) },
      }),
      outputs,
    },
    {
      name: 'TF Serving (row format, a version in the URL)',
      options: { protocol: 'tfserving' },
      path: `/v1/models/flights/versions/${VERSION}:predict`,
      body: JSON.stringify({ signature_name: 'serving_default', instances: rows }),
      version: VERSION,
      outputs: outputs.map((o) => ({ ...o, model_version: VERSION })),
    },
    {
      name: 'plain JSON (--inputs-path flights --outputs-path results)',
      options: { protocol: 'json', paths: { inputsPath: 'flights', outputsPath: 'results' }, model: MODEL },
      path: '/v1/predict',
      body: JSON.stringify({ flights: rows }),
      outputs: outputs.map((o) => ({ ...o, model_version: VERSION })),
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const proxy = await startProxy({ url: model.url, ...c.options });
      try {
        const direct = await send(model.url, 'POST', c.path, c.body);
        const proxied = await send(proxy.url, 'POST', c.path, c.body);
        assert.equal(proxied.status, 200);
        assert.deepEqual(proxied, direct);
        const events = await proxy.recorded(3);
        assert.deepEqual(
          events.map((e) => [e.model, e.model_version, e.inputs, e.outputs]),
          rows.map((r, i) => [MODEL, c.version, r, c.outputs[i]]),
        );
      } finally {
        await proxy.stop();
      }
    });
  }

  test('a version the system does not declare is refused, counted and reported once', async () => {
    const proxy = await startProxy({ url: model.url, protocol: 'tfserving' });
    const stderr = captureStderr();
    try {
      const body = JSON.stringify({ instances: rows });
      for (let i = 0; i < 3; i++)
        assert.equal((await send(proxy.url, 'POST', '/v1/models/flights/versions/7:predict', body)).status, 200);
      for (let waited = 0; (proxyCounts(SYSTEM)?.refused ?? 0) < 9 && waited < 5000; waited += 10)
        await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(proxyCounts(SYSTEM)?.refused, 9);
      assert.equal((await proxy.events()).length, 0);
      const reports = stderr.lines.filter((l) => l.includes('declared at version 2.3.0, not 7'));
      assert.equal(reports.length, 1);
    } finally {
      stderr.restore();
      await proxy.stop();
    }
  });

  test('a reused X-Request-Id: the later prediction is counted as a duplicate and reported once', async () => {
    const proxy = await startProxy({ url: model.url, protocol: 'tfserving' });
    const stderr = captureStderr();
    try {
      const path = `/v1/models/flights/versions/${VERSION}:predict`;
      const headers = { 'content-type': 'application/json', 'x-request-id': 'reused' };
      for (const row of [rows[0], rows[1], rows[2]]) {
        assert.equal((await send(proxy.url, 'POST', path, JSON.stringify({ instances: [row] }), headers)).status, 200);
      }
      for (let waited = 0; (proxyCounts(SYSTEM)?.duplicate ?? 0) < 2 && waited < 5000; waited += 10)
        await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(proxyCounts(SYSTEM)?.duplicate, 2);
      assert.deepEqual(
        (await proxy.events()).map((e) => [e.id, e.inputs]),
        [['reused', rows[0]]],
      );
      const reports = stderr.lines.filter((l) => l.includes('is an X-Request-Id reused?'));
      assert.equal(reports.length, 1);
      assert.match(reports[0] ?? '', /\(first: id reused\)/);
    } finally {
      stderr.restore();
      await proxy.stop();
    }
  });

  test('2xx answers the protocol cannot read pass through, counted and reported', async () => {
    // A model server that answers anything, in its own shape.
    const odd = await standIn((r) =>
      r.url === '/invocations'
        ? json({ scores: [0.1] })
        : { status: 200, headers: { 'content-type': 'text/csv' }, body: '0.1\n' },
    );
    const proxy = await startProxy({ url: odd.url, protocol: 'mlflow' });
    const stderr = captureStderr();
    try {
      for (const [path, body] of [
        ['/invocations', JSON.stringify({ dataframe_records: rows })],
        ['/invocations', JSON.stringify({ dataframe_records: rows })],
        ['/invocations', 'origin,destination\nSFO,LAX\n'],
        ['/v1/invocations', JSON.stringify({ dataframe_records: rows })],
      ] as const) {
        assert.deepEqual(await send(proxy.url, 'POST', path, body), await send(odd.url, 'POST', path, body));
      }
      for (let waited = 0; (proxyCounts(SYSTEM)?.unreadable ?? 0) < 4 && waited < 5000; waited += 10)
        await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(proxyCounts(SYSTEM)?.unreadable, 4);
      const reports = stderr.lines.join('');
      assert.equal(reports.match(/expected \{predictions\}/g)?.length, 1);
      assert.match(
        reports,
        /proxy of flight-delays: a prediction is not recorded: response \(the body\): expected \{predictions\} \(first: POST \/invocations\)/,
      );
      assert.match(reports, /the request body is not JSON/);
      assert.match(reports, /the answer is text\/csv, not JSON \(first: POST \/v1\/invocations\)/);
      assert.equal((await proxy.events()).length, 0);
    } finally {
      stderr.restore();
      await proxy.stop();
      await odd.close();
    }
  });

  test('recorded events are checked and windowed: closing the service stores their window', async () => {
    const proxy = await startProxy({ url: model.url, protocol: 'mlflow' });
    const body = JSON.stringify({ dataframe_records: rows });
    await send(proxy.url, 'POST', '/invocations', body);
    await proxy.recorded(3);
    const store = proxy.served.systems[0]?.store ?? assert.fail();
    await proxy.app.close();
    const [window] = await store.windows(SYSTEM, 10);
    assert.equal(window?.events, 3);
    assert.equal(window?.model, MODEL);
    await proxy.served.close();
  });
});

describe('the proxy when the model server fails', () => {
  test('a kept-alive connection the model server drops without answering is replaced: the request is sent again', async () => {
    // Answers the first request on each connection, keeping it open without saying how long (as
    // servers behind load balancers do); closes it when a second one comes.
    const connections: number[] = [];
    const server = net.createServer((socket) => {
      const index = connections.push(0) - 1;
      socket.on('data', (chunk) => {
        if (!chunk.includes('\r\n\r\n')) return;
        if (++(connections[index] as number) > 1) return void socket.destroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    let proxy: Proxy | undefined;
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      proxy = await startProxy({ url, protocol: 'kserve-v2' });
      for (const round of [1, 2, 3]) {
        const r = await send(proxy.url, 'GET', '/ready');
        assert.equal(r.status, 200, `request ${round}`);
        assert.equal(r.body.toString(), 'ok');
      }
      // The second request went out on the kept connection, which was dropped, and was answered on a new one.
      assert.equal(connections[0], 2);
      assert.ok(connections.length >= 2);
    } finally {
      await proxy?.stop();
      server.close();
    }
  });

  test('unreachable: 502 with the JSON error body; no answer in time: 504', async () => {
    const model = await standIn();
    const down = await standIn();
    await down.close();
    const proxy = await startProxy({ url: down.url, protocol: 'kserve-v2' });
    const slow = await startProxy({ url: model.url, protocol: 'kserve-v2', timeoutMs: 100 });
    try {
      const r = await fetch(`${proxy.url}/v2/models/${MODEL}/infer`, { method: 'POST', body: kserveRequest(rows) });
      assert.equal(r.status, 502);
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'upstream_unreachable');
      assert.match(body.error.message, /cannot reach the model server at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
      const t = await fetch(`${slow.url}/slow`);
      assert.equal(t.status, 504);
      assert.equal(((await t.json()) as { error: { code: string } }).error.code, 'upstream_timeout');
      assert.equal(proxyCounts(SYSTEM)?.upstreamFailures, 1);
    } finally {
      await proxy.stop();
      await slow.stop();
      await model.close();
    }
  });
});

describe('dovetail serve --proxy', () => {
  test('bad option combinations are refused with exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--protocol', 'kserve-v2'], /--protocol: only with --proxy/],
      [['--model', MODEL, '--inputs-path', 'x'], /--model, --inputs-path: only with --proxy/],
      [
        ['--proxy', 'localhost:8080', '--protocol', 'kserve-v2'],
        /--proxy localhost:8080: expected the model server's base URL/,
      ],
      [['--proxy', 'ftp://host/', '--protocol', 'kserve-v2'], /expected the model server's base URL/],
      [['--proxy', 'http://host:8080/?a=1', '--protocol', 'kserve-v2'], /no query/],
      [
        ['--proxy', 'http://host:8080'],
        /--protocol \(missing\): --proxy needs the model server's protocol, one of kserve-v2, mlflow, tfserving, json/,
      ],
      [['--proxy', 'http://host:8080', '--protocol', 'grpc'], /--protocol grpc: .*one of kserve-v2/],
      [
        ['--proxy', 'http://host:8080', '--protocol', 'json', '--inputs-path', 'x'],
        /--protocol json needs --inputs-path and --outputs-path/,
      ],
      [
        ['--proxy', 'http://host:8080', '--protocol', 'mlflow', '--outputs-path', 'x'],
        /--outputs-path: only with --protocol json/,
      ],
      [
        ['--proxy', 'http://host:8080', '--protocol', 'mlflow', '--model', 'nope'],
        /--model nope: flight-delays has no trained model of that name \(declared: delay-classifier\)/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = dovetail(['serve', EXAMPLE, '--port', '0', ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    const two = dovetail(['serve', EXAMPLE, EXAMPLE, '--proxy', 'http://host:8080', '--protocol', 'mlflow']);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /--proxy records the predictions of one system; 2 are given/);
  });

  test('--help names every protocol', () => {
    const help = dovetail(['serve', '--help']).stdout;
    for (const name of PROTOCOL_NAMES) assert.match(help, new RegExp(`\\b${name}\\b`));
    for (const option of ['--proxy', '--protocol', '--model', '--inputs-path', '--outputs-path'])
      assert.match(help, new RegExp(option));
  });

  test('the CLI forwards and records; SIGTERM writes the events waiting', async () => {
    const model = await standIn();
    const dir = tempDir();
    copyExample(dir);
    const child = spawn(
      process.execPath,
      [BIN, 'serve', dir, '--port', '0', '--proxy', model.url, '--protocol', 'kserve-v2'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve) =>
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const m = /listening on (\S+)[^\n]*\n[^\n]*forwarding to/.exec(out);
          if (m?.[1]) resolve(m[1]);
        }),
      );
      assert.match(out, new RegExp(`forwarding to ${model.url}/ \\(kserve-v2\\)`));
      const r = await send(url, 'POST', `/v2/models/${MODEL}/infer`, kserveRequest(rows));
      assert.equal(r.status, 200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      const store = await openStore(defaultDatabase(await loadSystem([dir])));
      const events = await store.events(SYSTEM);
      await store.close();
      assert.deepEqual(
        events.map((e) => e.inputs),
        rows,
      );
    } finally {
      child.kill();
      await model.close();
    }
  });
});
