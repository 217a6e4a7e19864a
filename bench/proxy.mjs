// Proxy benchmark: the latency `dovetail serve --proxy` adds in front of a model server. A stand-in
// KServe v2 model server (its own process, answering at once, so the figures are the proxy's cost
// alone) is called directly and through the built `dovetail serve --proxy` (SQLite store, each
// prediction recorded), alternately, over keep-alive loopback connections: requests of one flight
// forwarded only, then recorded, then batches of 32, one at a time; then BENCH_PROXY_CONNECTIONS
// clients at once. Reports p50 and p99 of each path and what the proxy adds (target: at most 3 ms
// at p99), and checks that every prediction was recorded. BENCH_PROXY_REQUESTS (default 2000) sets
// the requests per case and path; BENCH_PROXY_DB, a postgres:// URL, stores the events there
// instead of SQLite.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { start } from './process.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'flight-delays');
const SYSTEM = 'flight-delays';
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const REQUESTS = env('BENCH_PROXY_REQUESTS', 2000);
const CONNECTIONS = env('BENCH_PROXY_CONNECTIONS', 8);
const WARM_UP = 200;

/** A KServe v2 model server that scores at once: one FP32 per row of the request's first tensor. */
const MODEL_SERVER = `
const server = require('node:http').createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const rows = request.inputs[0].shape[0];
    const body = JSON.stringify({
      model_name: 'delay-classifier', model_version: '2.3.0', id: request.id,
      outputs: [{ name: 'delay_probability', shape: [rows], datatype: 'FP32', data: Array.from({ length: rows }, (_, i) => (i % 100) / 100) }],
    });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

/** Real flights (vega-datasets), as KServe v2 requests of `rows` rows each (without their id). */
function requests(rows) {
  const file = join(ROOT, 'node_modules', 'vega-datasets', 'data', 'flights-10k.json');
  const flights = JSON.parse(readFileSync(file, 'utf8'));
  const departure = (f) => `${f.date.replace(/\//g, '-').replace(' ', 'T')}:00`;
  return Array.from({ length: 50 }, (_, r) => {
    const batch = Array.from({ length: rows }, (_, i) => flights[(r * rows + i) % flights.length]);
    const tensor = (name, datatype, value) => ({ name, shape: [rows], datatype, data: batch.map(value) });
    const inputs = [
      tensor('scheduled_departure', 'BYTES', departure),
      tensor('origin', 'BYTES', (f) => f.origin),
      tensor('destination', 'BYTES', (f) => f.destination),
      tensor('distance', 'INT64', (f) => f.distance),
    ];
    return { inputs };
  });
}

/** One POST; resolves with its latency in ms once the whole answer is read. */
function post(agent, url, body) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Each request has an id of its own: the proxy records a prediction under its KServe id. */
let requestId = 0;

/**
 * `count` requests on each path, alternating direct and proxied so both see the same machine;
 * `clients` of them in flight at once. Returns the sorted latencies of each path.
 */
async function measure(paths, requests, count, clients) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients * 2 });
  const times = { direct: [], proxied: [] };
  let sent = 0;
  const client = async () => {
    while (sent < count) {
      const body = JSON.stringify({ id: `r${requestId++}`, ...requests[sent++ % requests.length] });
      times.direct.push(await post(agent, paths.direct, body));
      times.proxied.push(await post(agent, paths.proxied, body));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
  for (const t of Object.values(times)) t.sort((a, b) => a - b);
  return times;
}

async function recorded(monitor) {
  const r = await fetch(`${monitor}/api/v1/systems/${SYSTEM}`);
  return (await r.json()).events.accepted;
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'dovetail-bench-proxy-'));
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => basename(src) !== '.dovetail' });
  const model = start(['-e', MODEL_SERVER]);
  const modelUrl = await model.url;
  const db = process.env.BENCH_PROXY_DB ? ['--db', process.env.BENCH_PROXY_DB] : [];
  const serve = ['bin/dovetail.js', 'serve', dir, '--port', '0', ...db];
  const proxy = start([...serve, '--proxy', modelUrl, '--protocol', 'kserve-v2']);
  const proxyUrl = await proxy.url;
  const rows = [];
  let predictions = 0;
  try {
    // KServe's generate endpoint is forwarded, not recorded: what forwarding alone costs.
    const cases = [
      ['1 row, sequential, forwarded only', 'generate', 1, 1],
      ['1 row, sequential', 'infer', 1, 1],
      ['32 rows, sequential', 'infer', 32, 1],
      [`1 row, ${CONNECTIONS} concurrent clients`, 'infer', 1, CONNECTIONS],
    ];
    for (const [name, endpoint, size, clients] of cases) {
      const path = `/v2/models/delay-classifier/${endpoint}`;
      const paths = { direct: `${modelUrl}${path}`, proxied: `${proxyUrl}${path}` };
      const bodies = requests(size);
      await measure(paths, bodies, WARM_UP, clients);
      const t = await measure(paths, bodies, REQUESTS, clients);
      if (endpoint === 'infer') predictions += (WARM_UP + REQUESTS) * size;
      const ms = (v) => +v.toFixed(3);
      const p = (q) => ({ direct: quantile(t.direct, q), proxied: quantile(t.proxied, q) });
      const [p50, p99] = [p(0.5), p(0.99)];
      rows.push({
        benchmark: `proxy: ${name}`,
        requests: t.proxied.length,
        direct_p50_ms: ms(p50.direct),
        direct_p99_ms: ms(p99.direct),
        proxied_p50_ms: ms(p50.proxied),
        proxied_p99_ms: ms(p99.proxied),
        added_p50_ms: ms(p50.proxied - p50.direct),
        added_p99_ms: ms(p99.proxied - p99.direct),
      });
    }
    // Events are written after the answers, once a second: give the last ones time to be stored.
    let stored = 0;
    for (let waited = 0; waited < 30_000; waited += 100) {
      stored = await recorded(proxyUrl);
      if (stored >= predictions) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    rows.push({ benchmark: 'proxy: rows predicted above, recorded as events', predictions, recorded: stored });
  } finally {
    await proxy.stop();
    await model.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
