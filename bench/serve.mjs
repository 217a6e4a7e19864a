// Serve benchmark: the built `dovetail serve` (SQLite, durable: a response means committed) driven over
// loopback HTTP by closed-loop keep-alive clients in this process. Measures batched ingest (100 events
// of 20 features per request) in events/s; single-event requests/s beside a bare node:http server that
// only reads the body and answers (same client, same run: the ratio is what the monitor costs); and
// the RSS of a fresh service after BENCH_SERVE_EVENTS_SHORT and BENCH_SERVE_EVENTS_LONG events ingested.
// BENCH_SERVE_CONNECTIONS (default 8) and BENCH_SERVE_SECONDS (default 10) set the load. Single-event
// requests are measured with each count of clients in BENCH_SERVE_SINGLE_CONNECTIONS (default
// 8,64,256): a commit waits for the disk whatever its size, so the more requests arrive together,
// the fewer syncs each. The bare server and the service take turns, SEGMENTS stretches each, so
// that both see the machine at the same speeds: its speed drifts over minutes. First, the time the
// machine takes to sync a small write to disk, which every durable commit waits for: with few
// clients it bounds the single-event rate whatever the service does.
import { closeSync, fdatasyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from './process.mjs';
import { eventJson, SYSTEM, writeSystem } from './serve-system.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const CONNECTIONS = env('BENCH_SERVE_CONNECTIONS', 8);
const SINGLE_CONNECTIONS = (process.env.BENCH_SERVE_SINGLE_CONNECTIONS ?? '8,64,256').split(',').map(Number);
const SECONDS = env('BENCH_SERVE_SECONDS', 10);
const EVENTS_SHORT = env('BENCH_SERVE_EVENTS_SHORT', 1_000_000);
const EVENTS_LONG = env('BENCH_SERVE_EVENTS_LONG', 5_000_000);
const BATCH = 100;
const WARM_UP_SECONDS = 3;
const SEGMENTS = 5;

/** What the bare server does per request: read the body, answer as the service would. */
const BARE_SERVER = `
const server = require('node:http').createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks).toString('utf8');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"accepted":1,"rejected":[]}');
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

function post(agent, url, body) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(text))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * `connections` clients each sending batches of `size` events, the next as soon as the last is
 * answered, for `seconds` or until event `upTo`; event numbers continue from `state.next`.
 */
async function drive(
  url,
  state,
  { pid, size, seconds = Number.POSITIVE_INFINITY, upTo = Number.POSITIVE_INFINITY, connections = CONNECTIONS },
) {
  const cpuBefore = cpuSeconds(pid);
  const clientBefore = process.cpuUsage();
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = `${url}/api/v1/systems/${SYSTEM}/events`;
  const begin = performance.now();
  const deadline = begin + seconds * 1000;
  let requests = 0;
  let events = 0;
  const client = async () => {
    while (performance.now() < deadline && state.next < upTo) {
      const first = state.next;
      state.next += size;
      // Predictions made now, as a model server would record them.
      const now = new Date().toISOString();
      const parts = [];
      for (let i = first; i < first + size; i++) parts.push(eventJson('bench', i, now));
      const answer = await post(agent, target, `{"events":[${parts.join(',')}]}`);
      if (answer.accepted !== size || answer.rejected.length)
        throw new Error(`expected every event accepted: ${JSON.stringify(answer).slice(0, 500)}`);
      requests++;
      events += size;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - begin) / 1000;
  agent.destroy();
  const used = process.cpuUsage(clientBefore);
  return {
    connections,
    requests,
    events,
    seconds: elapsed,
    cpu: cpuSeconds(pid) - cpuBefore,
    clientCpu: (used.user + used.system) / 1e6,
  };
}

/**
 * Single-event requests from `connections` clients to each server, after a warm-up of each: the
 * servers take turns, SEGMENTS stretches of SECONDS / SEGMENTS each; the totals per server.
 */
async function singles(servers, connections) {
  for (const s of servers) await drive(s.url, s.state, { pid: s.pid, size: 1, seconds: WARM_UP_SECONDS, connections });
  const runs = servers.map(() => []);
  for (let i = 0; i < SEGMENTS; i++)
    for (const [j, s] of servers.entries())
      runs[j].push(await drive(s.url, s.state, { pid: s.pid, size: 1, seconds: SECONDS / SEGMENTS, connections }));
  return runs.map((segments) => ({
    connections,
    ...Object.fromEntries(
      ['requests', 'events', 'seconds', 'cpu', 'clientCpu'].map((k) => [k, segments.reduce((a, r) => a + r[k], 0)]),
    ),
  }));
}

/** CPU time (user + system) a process has used, in seconds: steadier than rates on a shared machine. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMib(pid) {
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return +(kib / 1024).toFixed(1);
}

const round = (x) => Math.round(x);
const label = (n) => (n % 1e6 === 0 ? `${n / 1e6}M` : String(n));

/** A measured stretch of load as a table row: rates, and the CPU time per request and per event. */
function row(benchmark, r, extra = {}) {
  return {
    benchmark,
    connections: r.connections,
    seconds: +r.seconds.toFixed(1),
    requests_per_s: round(r.requests / r.seconds),
    events_per_s: round(r.events / r.seconds),
    server_cpu_us_per_request: round((r.cpu / r.requests) * 1e6),
    server_cpu_us_per_event: +((r.cpu / r.events) * 1e6).toFixed(1),
    // This process's: the client's share of the machine.
    client_cpu_us_per_request: round((r.clientCpu / r.requests) * 1e6),
    // The machine's load (this bench keeps about 2 busy): more means other work competed.
    load_1m: +loadavg()[0].toFixed(2),
    ...extra,
  };
}

/** A fresh service, filled by batched ingest up to each count, its RSS read there. */
async function memory(dir) {
  const serve = start(['bin/dovetail.js', 'serve', writeSystem(join(dir, 'memory')), '--port', '0']);
  try {
    const url = await serve.url;
    const pid = serve.child.pid;
    const state = { next: 0 };
    const rows = [];
    const rss = [];
    for (const upTo of [EVENTS_SHORT, EVENTS_LONG]) {
      const r = await drive(url, state, { pid, size: BATCH, upTo });
      rss.push(rssMib(pid));
      rows.push(
        row(`serve: batched ingest up to ${label(upTo)} events, then RSS`, r, {
          rss_mib: rss.at(-1),
          ...(rss.length === 2 ? { rss_growth_mib: +(rss[1] - rss[0]).toFixed(1) } : {}),
        }),
      );
    }
    return rows;
  } finally {
    await serve.stop();
  }
}

/** SYNCS appends of a page, each synced to disk (fdatasync) as a commit to SQLite's log is, in `dir`. */
function syncToDisk(dir) {
  const SYNCS = 2000;
  const page = Buffer.alloc(4096, 1);
  const file = join(dir, 'sync-test');
  const fd = openSync(file, 'w');
  const times = [];
  const cpuBefore = process.cpuUsage();
  try {
    for (let i = 0; i < SYNCS; i++) {
      const begin = performance.now();
      writeSync(fd, page, 0, page.length, i * page.length);
      fdatasyncSync(fd);
      times.push((performance.now() - begin) * 1000);
    }
  } finally {
    closeSync(fd);
    rmSync(file);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const at = (q) => +(times[Math.floor(q * (SYNCS - 1))] ?? 0).toFixed(1);
  return {
    benchmark: 'machine: a 4 KiB append synced to disk (fdatasync), what each durable commit waits for',
    syncs: SYNCS,
    sync_us_p50: at(0.5),
    sync_us_p99: at(0.99),
    cpu_us_per_sync: +((cpu.user + cpu.system) / SYNCS).toFixed(1),
  };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'dovetail-bench-serve-'));
  try {
    return [syncToDisk(dir), ...(await rates(dir)), ...(await memory(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Batched and single-event ingest, and the bare server beside the latter. */
async function rates(dir) {
  const serve = start(['bin/dovetail.js', 'serve', writeSystem(join(dir, 'system')), '--port', '0']);
  const bare = start(['-e', BARE_SERVER]);
  try {
    const url = await serve.url;
    const pid = serve.child.pid;
    const state = { next: 0 };
    await drive(url, state, { pid, size: BATCH, seconds: WARM_UP_SECONDS });
    const batched = await drive(url, state, { pid, size: BATCH, seconds: SECONDS });
    const rows = [row(`serve: batched ingest, ${BATCH} events × 20 features per request, durable`, batched)];
    const servers = [
      { url: await bare.url, state: { next: 0 }, pid: bare.child.pid },
      { url, state, pid },
    ];
    const rate = (r) => r.requests / r.seconds;
    for (const connections of SINGLE_CONNECTIONS) {
      const [bareRun, serveRun] = await singles(servers, connections);
      rows.push(
        row('bare node:http server: single-event requests (reads the body, answers)', bareRun),
        row('serve: single-event requests, durable', serveRun, {
          ratio_to_bare: +(rate(serveRun) / rate(bareRun)).toFixed(2),
        }),
      );
    }
    return rows;
  } finally {
    await Promise.all([serve.stop(), bare.stop()]);
  }
}
