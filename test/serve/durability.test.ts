// Acknowledged events survive a crash: the service (the built CLI, as users run it) is killed with
// SIGKILL while batches are in flight, restarted, and every event it acknowledged is still stored.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../../src/serve/store/open.js';
import { BIN, EXAMPLE, tempDir } from '../helpers.js';
import { type Postgres, startPostgres } from './postgres.js';

const SYSTEM = 'flight-delays';
const BATCHES = 400;
const EVENTS_PER_BATCH = 50;
const IN_FLIGHT = 8;
/** Kill after this many acknowledged batches, with requests still in flight. */
const KILL_AFTER = 60;

async function startServe(dir: string, db?: string, instance?: string): Promise<{ child: ChildProcess; url: string }> {
  const args = [
    BIN,
    'serve',
    dir,
    '--port',
    '0',
    ...(db ? ['--db', db] : []),
    ...(instance ? ['--instance', instance] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`dovetail serve exited with ${code}: ${output}`)));
  });
  return { child, url };
}

const stop = async (child: ChildProcess) => {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
};

/**
 * Kills the service during ingest, restarts it and checks what it acknowledged. With `other`, a
 * second named instance shares the database and takes events of the same window before the crash;
 * the crashed one restarts under its name and must not count the other's events again.
 */
async function crashDuringIngest(dir: string, db: string | undefined, store: string, other = false) {
  const b = other ? await startServe(dir, db, 'b') : undefined;
  if (b) {
    const events = Array.from({ length: EVENTS_PER_BATCH }, (_, i) => ({
      id: `other-e${i}`,
      inputs: { distance: 1000 + i, origin: 'SFO', dest: 'LAX' },
      outputs: { delay_probability: 0.5 },
    }));
    const r = await fetch(`${b.url}/api/v1/systems/${SYSTEM}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    assert.equal(((await r.json()) as { accepted: number }).accepted, EVENTS_PER_BATCH);
  }
  const instance = other ? 'a' : undefined;
  const { child, url } = await startServe(dir, db, instance);
  const acknowledged: string[] = [];
  let done = 0;
  let next = 0;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const worker = async () => {
    while (next < BATCHES) {
      const b = next++;
      const events = Array.from({ length: EVENTS_PER_BATCH }, (_, i) => ({
        id: `b${b}-e${i}`,
        inputs: { distance: b * 100 + i, origin: 'SFO', dest: 'LAX' },
        outputs: { delay_probability: (i % 10) / 10 },
      }));
      try {
        const r = await fetch(`${url}/api/v1/systems/${SYSTEM}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        const body = (await r.json()) as { accepted: number };
        assert.equal(body.accepted, EVENTS_PER_BATCH);
        acknowledged.push(...events.map((e) => e.id));
        if (++done === KILL_AFTER) child.kill('SIGKILL');
      } catch {
        return; // the service is gone: this batch was never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await exited;
  assert.ok(acknowledged.length >= KILL_AFTER * EVENTS_PER_BATCH);
  assert.ok(acknowledged.length < BATCHES * EVENTS_PER_BATCH, 'the service was killed before the end');

  const restarted = await startServe(dir, db, instance);
  let stored: Set<string>;
  try {
    const summary = (await (await fetch(`${restarted.url}/api/v1/systems/${SYSTEM}`)).json()) as {
      events: { accepted: number };
    };
    assert.ok(summary.events.accepted >= acknowledged.length);
    const s = await openStore(store);
    try {
      stored = new Set((await s.events(SYSTEM, { limit: BATCHES * EVENTS_PER_BATCH })).map((e) => e.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} acknowledged events were lost`);
    } finally {
      await s.close();
    }
  } finally {
    await stop(restarted.child);
    if (b) await stop(b.child);
  }
  // The window open at the crash was refilled from the stored events at restart and stored at
  // shutdown: the windows (every instance's parts) count every stored event once.
  const s = await openStore(store);
  try {
    const observations = await s.observations(SYSTEM, 1000);
    assert.equal(
      observations.reduce((n, o) => n + o.observation.events, 0),
      stored.size,
    );
  } finally {
    await s.close();
  }
}

function systemCopy(): string {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

describe('durability', () => {
  let pg: Postgres;
  before(async () => {
    pg = await startPostgres();
  });
  after(() => pg?.stop());

  test('SQLite: every acknowledged event survives SIGKILL', async () => {
    const dir = systemCopy();
    await crashDuringIngest(dir, undefined, join(dir, '.dovetail', 'dovetail.sqlite'));
  });

  test('PostgreSQL: every acknowledged event survives SIGKILL', async () => {
    const url = pg.database('durability');
    await crashDuringIngest(systemCopy(), url, url);
  });

  test('PostgreSQL, two named instances: the one restarted counts no event of the other again', async () => {
    const url = pg.database('durability-instances');
    await crashDuringIngest(systemCopy(), url, url, true);
  });
});
