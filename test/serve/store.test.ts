// The store behaves the same on SQLite and PostgreSQL: one test body, two setups.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import postgres from 'pg';
import type { Finding } from '../../src/rules/types.js';
import { SLOTS } from '../../src/serve/store/event-batches.js';
import { type Dialect, migrate } from '../../src/serve/store/migrations.js';
import { openStore } from '../../src/serve/store/open.js';
import type { EventRecord, Store } from '../../src/serve/store/store.js';
import { type Observation, Window, windowId } from '../../src/serve/window.js';
import { tempDir } from '../helpers.js';
import { type Postgres, startPostgres } from './postgres.js';

const event = (id: string, extra: Partial<EventRecord> = {}): EventRecord => ({
  id,
  timestamp: '2001-05-01T10:00:00.000Z',
  inputs: { distance: 1200, origin: 'SFO' },
  ...extra,
});

const finding = (fingerprint: string, severity: Finding['severity'] = 'error'): Finding => ({
  rule: 'api/output-type',
  category: 'api',
  severity,
  phase: 'runtime',
  message: `problem ${fingerprint}`,
  evidence: [],
  rationale: 'why',
  remedy: 'what',
  roles: ['data-scientist'],
  fingerprint,
});

/** The observation of an hour's window of model `m` from `start`, holding `n` events. */
function observation(start: string, n: number): Observation {
  const t = Date.parse(start);
  const w = new Window(t, t + 3_600_000, { model: { name: 'm', version: '1' } });
  for (let i = 0; i < n; i++) w.add({ id: `e${i}`, timestamp: t, inputs: { distance: i } });
  return w.close();
}

/**
 * Opens a store by name (as the named service instance `instance` when given); `raw` opens its
 * database without the store (no migration run).
 */
function storeSuite(
  open: (name: string, instance?: string) => Promise<Store>,
  raw: (name: string) => { db: Kysely<unknown>; dialect: Dialect },
) {
  test('events: stored in arrival order, read back as sent, duplicate ids kept once', async () => {
    const store = await open('events');
    try {
      const first = event('a', {
        model: 'delay',
        model_version: '3',
        outputs: { delayed: true, p: 0.75 },
        latency_ms: 12.5,
        resources: { cpu: 0.5, memory: 1e9 },
        metrics: { queue: 3 },
        logs: ['ok', { level: 'info' }],
      });
      const sent = [first, event('b'), event('b', { latency_ms: 1 })];
      const added = await store.addEvents('s', sent, 2);
      // The very objects sent, those stored: an id sent twice is stored from its first occurrence.
      assert.deepEqual(
        added.map((a) => a.event),
        [first, event('b')],
      );
      assert.ok(added[0]?.event === sent[0] && added[1]?.event === sent[1]);
      const more = await store.addEvents('s', [event('b'), event('c')], 0);
      assert.deepEqual(
        more.map((a) => a.event),
        [event('c')],
      );
      await store.addEvents('other', [event('a')], 0);
      const stored = await store.events('s');
      assert.deepEqual(
        stored.map((e) => e.id),
        ['a', 'b', 'c'],
      );
      // addEvents told each event's arrival position as stored.
      assert.deepEqual(
        stored.map((e) => e.seq),
        [...added, ...more].map((a) => a.seq),
      );
      const { seq, received_at, ...a } = stored[0] ?? assert.fail();
      assert.deepEqual(a, first);
      assert.ok(seq > 0 && !Number.isNaN(Date.parse(received_at)));
      assert.deepEqual(
        (await store.events('s', { after: seq, limit: 1 })).map((e) => e.id),
        ['b'],
      );
      assert.deepEqual((await store.counts('s')).events, { accepted: 3, rejected: 2 });
      assert.deepEqual((await store.counts('other')).events, { accepted: 1, rejected: 0 });
      assert.deepEqual((await store.counts('none')).events, { accepted: 0, rejected: 0 });
    } finally {
      await store.close();
    }
  });

  test('requests committed together keep their order and each its own answer', async () => {
    const store = await open('together');
    try {
      await store.addEvents('s', [event('a')], 0);
      // Sent at once, these share one commit: ids repeated across them are stored once, from the first.
      const answers = await Promise.all([
        store.addEvents('s', [event('b'), event('a'), event('c')], 1),
        store.addEvents('t', [event('b')], 0),
        store.addEvents('s', [event('c', { latency_ms: 2 }), event('d')], 0),
        store.addEvents('s', [event('a'), event('d')], 0),
        store.addEvents('s', [], 2),
      ]);
      assert.deepEqual(
        answers.map((stored) => stored.map((a) => a.event.id)),
        [['b', 'c'], ['b'], ['d'], [], []],
      );
      const stored = await store.events('s');
      assert.deepEqual(
        stored.map((e) => e.id),
        ['a', 'b', 'c', 'd'],
      );
      assert.equal(stored[2]?.latency_ms, undefined);
      // Paging by arrival position, across and inside batches.
      const seqs = stored.map((e) => e.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((x, y) => x - y),
      );
      for (const [i, seq] of seqs.entries()) {
        assert.deepEqual(
          (await store.events('s', { after: seq, limit: 2 })).map((e) => e.id),
          ['a', 'b', 'c', 'd'].slice(i + 1, i + 3),
        );
      }
      assert.deepEqual((await store.counts('s')).events, { accepted: 4, rejected: 3 });
      assert.deepEqual((await store.counts('t')).events, { accepted: 1, rejected: 0 });
    } finally {
      await store.close();
    }
  });

  test('a write that cannot be stored fails alone; those committed beside it are stored', async () => {
    const store = await open('fails-alone');
    try {
      await store.addEvents('s', [event('a')], 0);
      // Sent at once, these are committed together (on SQLite, the last four in one message to the
      // store's thread). The fourth brings text that is not its events' JSON, which only a batch
      // with an id stored before reads.
      const answers = await Promise.allSettled([
        store.addEvents('s', [event('b')], 0),
        store.addEvents('s', [event('c')], 0),
        store.addEvents('s', [event('d')], 0),
        store.addEvents('s', [event('a')], 0, 'not JSON'),
        store.addEvents('s', [event('e')], 0),
        store.addEvents('s', [event('f')], 0),
      ]);
      assert.deepEqual(
        answers.map((r) => (r.status === 'fulfilled' ? r.value.map((a) => a.event.id) : 'failed')),
        [['b'], ['c'], ['d'], 'failed', ['e'], ['f']],
      );
      assert.deepEqual(
        (await store.events('s')).map((e) => e.id),
        ['a', 'b', 'c', 'd', 'e', 'f'],
      );
    } finally {
      await store.close();
    }
  });

  test('a large batch is stored whole', async () => {
    const store = await open('large');
    try {
      const batch = Array.from({ length: 2500 }, (_, i) => event(`e${i}`));
      await store.addEvents('s', batch, 0);
      assert.equal((await store.counts('s')).events.accepted, 2500);
      assert.equal((await store.events('s', { limit: 5000 })).length, 2500);
    } finally {
      await store.close();
    }
  });

  test('feedback joins stored events; unknown event ids are returned', async () => {
    const store = await open('feedback');
    try {
      await store.addEvents('s', [event('a', { model: 'm', outputs: { delayed: false } }), event('b')], 0);
      await store.addEvents('t', [event('c')], 0);
      const joined = await store.addFeedback(
        's',
        [
          { event_id: 'a', kind: 'ground_truth', actual: { delayed: true }, timestamp: '2001-05-02T00:00:00.000Z' },
          { event_id: 'c', kind: 'user', actual: { delayed: false }, timestamp: '2001-05-02T00:00:00.000Z' },
          { event_id: 'b', kind: 'user', actual: { ok: 1 }, timestamp: '2001-05-02T00:00:00.000Z', comment: 'late' },
        ],
        1,
      );
      assert.deepEqual(joined, [{ model: 'm', outputs: { delayed: false } }, undefined, {}]);
      const stored = await store.feedback('s');
      assert.deepEqual(
        stored.map(({ seq: _s, received_at: _r, ...f }) => f),
        [
          { event_id: 'a', kind: 'ground_truth', actual: { delayed: true }, timestamp: '2001-05-02T00:00:00.000Z' },
          { event_id: 'b', kind: 'user', actual: { ok: 1 }, timestamp: '2001-05-02T00:00:00.000Z', comment: 'late' },
        ],
      );
      assert.deepEqual((await store.counts('s')).feedback, { accepted: 2, rejected: 2 });
      // Ground truth an event was given under the same name is a retry: acknowledged, not stored again,
      // in a later batch as in the same one; under another name, or as user feedback, it is stored.
      const truth = (name?: string) => ({
        event_id: 'a',
        kind: 'ground_truth' as const,
        ...(name === undefined ? {} : { name }),
        actual: { delayed: true },
        timestamp: '2001-05-03T00:00:00.000Z',
      });
      const user = { event_id: 'a', kind: 'user' as const, actual: {}, timestamp: '2001-05-03T00:00:00.000Z' };
      const again = await store.addFeedback('s', [truth(), truth('arrival'), truth('arrival'), user, user], 0);
      const a = { model: 'm', outputs: { delayed: false } };
      assert.deepEqual(again, ['repeated', a, 'repeated', a, a]);
      assert.deepEqual(
        (await store.feedback('s')).map((f) => [f.event_id, f.kind, f.name]),
        [
          ['a', 'ground_truth', undefined],
          ['b', 'user', undefined],
          ['a', 'ground_truth', 'arrival'],
          ['a', 'user', undefined],
          ['a', 'user', undefined],
        ],
      );
      assert.deepEqual((await store.counts('s')).feedback, { accepted: 7, rejected: 2 });
    } finally {
      await store.close();
    }
  });

  test('events after an arrival position are found again; events past their retention are deleted', async () => {
    const store = await open('retention');
    try {
      const old = await store.addEvents('s', [event('old1'), event('old2')], 0);
      await store.addEvents('t', [event('other')], 0);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const cut = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.addEvents('s', [event('new1'), event('new2'), event('new3')], 0);
      const after = old.at(-1)?.seq;
      assert.deepEqual(
        (await store.eventsToRefill('s', { after })).map((e) => e.id),
        ['new1', 'new2', 'new3'],
      );
      const first = await store.eventsToRefill('s', { after, limit: 2 });
      assert.deepEqual(
        (await store.eventsToRefill('s', { after: first.at(-1)?.seq })).map((e) => e.id),
        ['new3'],
      );
      assert.deepEqual(
        (await store.eventsToRefill('s', { after: old[0]?.seq })).map((e) => e.id),
        ['old2', 'new1', 'new2', 'new3'],
      );
      assert.equal(await store.deleteEventsReceivedBefore('s', cut), 2);
      assert.deepEqual(
        (await store.events('s')).map((e) => e.id),
        ['new1', 'new2', 'new3'],
      );
      assert.deepEqual(
        (await store.events('t')).map((e) => e.id),
        ['other'],
      );
      // A deleted event is unknown to feedback; its id may be stored again.
      const feedback = { event_id: 'old1', kind: 'user' as const, actual: {}, timestamp: cut };
      assert.deepEqual(await store.addFeedback('s', [feedback], 0), [undefined]);
      assert.deepEqual(
        (await store.addEvents('s', [event('old1')], 0)).map((a) => a.event.id),
        ['old1'],
      );
    } finally {
      await store.close();
    }
  });

  test('findings open, update and resolve over time', async () => {
    const store = await open('findings');
    try {
      await store.recordFindings('s', 'runtime', [finding('x'), finding('y')], '2001-05-01T00:00:00.000Z', 'w1');
      await store.recordFindings('s', 'runtime', [finding('y', 'warning')], '2001-05-01T00:05:00.000Z', 'w2');
      await store.recordFindings('s', 'design', [finding('z')], '2001-05-01T00:05:00.000Z');
      const all = await store.findings('s');
      const y = all.find((f) => f.fingerprint === 'y');
      assert.deepEqual(
        { ...y },
        {
          ...finding('y', 'warning'),
          status: 'open',
          first_seen: '2001-05-01T00:00:00.000Z',
          last_seen: '2001-05-01T00:05:00.000Z',
          occurrences: 2,
          window: 'w2',
        },
      );
      const x = all.find((f) => f.fingerprint === 'x');
      assert.equal(x?.status, 'resolved');
      assert.equal(x?.resolved_at, '2001-05-01T00:05:00.000Z');
      assert.deepEqual(
        (await store.findings('s', { phase: 'runtime', status: 'open' })).map((f) => f.fingerprint),
        ['y'],
      );
      assert.deepEqual(
        (await store.findings('s', { phase: 'design' })).map((f) => f.fingerprint),
        ['z'],
      );
      assert.equal((await store.counts('s')).findings.open, 2);
      await store.recordFindings('s', 'runtime', [], '2001-05-01T00:10:00.000Z', 'w3');
      assert.deepEqual(await store.findings('s', { phase: 'runtime', status: 'open' }), []);
      await store.recordFindings('s', 'runtime', [finding('x')], '2001-05-01T00:15:00.000Z', 'w4');
      const reopened = (await store.findings('s', { status: 'open', phase: 'runtime' }))[0];
      assert.equal(reopened?.first_seen, '2001-05-01T00:00:00.000Z');
      assert.equal(reopened?.occurrences, 2);
      assert.equal(reopened?.resolved_at, undefined);
    } finally {
      await store.close();
    }
  });

  test('observations are stored with their windows and read newest first', async () => {
    const store = await open('windows');
    try {
      assert.deepEqual(await store.windows('s', 10), []);
      assert.deepEqual(await store.observations('s', 10), []);
      const first = observation('2001-05-01T00:00:00Z', 2);
      const second = observation('2001-05-01T01:00:00Z', 3);
      await store.addObservations('s', [{ observation: first, lastSeq: 1 }], '2001-05-01T01:00:00.000Z');
      await store.addObservations('s', [{ observation: second, lastSeq: 2 }], '2001-05-01T02:00:00.000Z');
      const windows = await store.windows('s', 10);
      assert.deepEqual(
        windows.map(({ instance: _, ...w }) => w),
        [
          {
            id: windowId(second),
            model: 'm',
            start: '2001-05-01T01:00:00.000Z',
            end: '2001-05-01T02:00:00.000Z',
            closed_at: '2001-05-01T02:00:00.000Z',
            events: 3,
          },
          {
            id: 'm@2001-05-01T00:00:00.000Z/2001-05-01T01:00:00.000Z',
            model: 'm',
            start: '2001-05-01T00:00:00.000Z',
            end: '2001-05-01T01:00:00.000Z',
            closed_at: '2001-05-01T01:00:00.000Z',
            events: 2,
          },
        ],
      );
      assert.ok(windows.every((w) => w.instance === windows[0]?.instance && w.instance.length > 0));
      const observations = await store.observations('s', 1);
      assert.deepEqual(
        observations.map((o) => [o.window, o.at, o.instance === windows[0]?.instance]),
        [[windowId(second), '2001-05-01T02:00:00.000Z', true]],
      );
      assert.deepEqual(observations[0]?.observation, second);
      assert.deepEqual(await store.observations('other', 10), []);
      // Each instance finds its own part of a window, and only its own.
      const never = 'm@2001-05-01T05:00:00.000Z/2001-05-01T06:00:00.000Z';
      assert.deepEqual(
        await store.ownObservations('s', [windowId(second), never]),
        new Map([[windowId(second), second]]),
      );
      assert.deepEqual(await store.ownObservations('s', []), new Map());
      const other = await open('windows');
      try {
        assert.deepEqual(await other.ownObservations('s', [windowId(second)]), new Map());
        assert.deepEqual(
          await other.windowObservations('s', [windowId(second), never]),
          new Map([[windowId(second), [second]]]),
        );
        // Another instance's part of the same window is read beside this one's.
        await other.addObservations(
          's',
          [{ observation: observation('2001-05-01T01:00:00Z', 4), lastSeq: 3 }],
          '2001-05-01T02:00:01.000Z',
        );
        const parts = await store.windowObservations('s', [windowId(first), windowId(second)]);
        assert.deepEqual(parts.get(windowId(first)), [first]);
        assert.deepEqual(
          parts
            .get(windowId(second))
            ?.map((o) => o.events)
            .sort(),
          [3, 4],
        );
      } finally {
        await other.close();
      }
    } finally {
      await store.close();
    }
  });

  test('events stored before migration 0003 (a row each) read back as they were', async () => {
    const { db, dialect } = raw('legacy');
    await migrate(db, dialect, '0002-windows-observations-per-instance');
    const row = (seq: number, id: string, received: string, extra: string[] = []) =>
      sql`insert into events (system, id, timestamp, received_at, model, inputs, outputs, latency_ms, logs)
        values ('s', ${id}, '2001-05-01T10:00:00.000Z', ${received}, ${extra[0] ?? null}, '{"distance":1200}',
        ${extra[1] ?? null}, ${seq === 2 ? 12.5 : null}, ${extra[2] ?? null})`.execute(db);
    await row(1, 'a', '2001-05-01T10:00:01.000Z', ['m', '{"delayed":false}', '["ok",{"level":"info"}]']);
    await row(2, 'b', '2001-05-01T10:00:01.000Z');
    await row(3, 'c', '2001-05-01T10:00:02.000Z');
    await db.destroy();
    const store = await open('legacy');
    try {
      const stored = await store.events('s');
      assert.deepEqual(
        stored.map(({ seq: _, ...e }) => e),
        [
          event('a', {
            received_at: '2001-05-01T10:00:01.000Z',
            model: 'm',
            outputs: { delayed: false },
            logs: ['ok', { level: 'info' }],
          } as Partial<EventRecord>),
          event('b', { received_at: '2001-05-01T10:00:01.000Z', latency_ms: 12.5 } as Partial<EventRecord>),
          event('c', { received_at: '2001-05-01T10:00:02.000Z' } as Partial<EventRecord>),
        ].map((e) => ({ ...e, inputs: { distance: 1200 } })),
      );
      assert.deepEqual(
        (await store.addEvents('s', [event('c'), event('d')], 0)).map((a) => a.event),
        [event('d')],
      );
      const joined = await store.addFeedback(
        's',
        [{ event_id: 'a', kind: 'user', actual: { delayed: true }, timestamp: '2001-05-02T00:00:00.000Z' }],
        0,
      );
      assert.deepEqual(joined, [{ model: 'm', outputs: { delayed: false } }]);
    } finally {
      await store.close();
    }
  });

  test('a named instance refills only its own events and finds its own windows again after a restart', async () => {
    const a = await open('instances', 'a');
    const b = await open('instances', 'b');
    const unnamed = await open('instances');
    try {
      const [a1] = await a.addEvents('s', [event('a1')], 0);
      const [b1] = await b.addEvents('s', [event('b1')], 0);
      await a.addEvents('s', [event('a2')], 0);
      const ids = async (store: Store) => (await store.eventsToRefill('s')).map((e) => e.id);
      assert.deepEqual(await ids(a), ['a1', 'a2']);
      assert.deepEqual(await ids(b), ['b1']);
      assert.deepEqual(await ids(unnamed), ['a1', 'b1', 'a2']);
      const window = observation('2001-05-01T00:00:00Z', 2);
      await a.addObservations('s', [{ observation: window, lastSeq: a1?.seq ?? 0 }], '2001-05-01T01:00:00.000Z');
      await b.addObservations(
        's',
        [{ observation: observation('2001-05-01T00:00:00Z', 1), lastSeq: b1?.seq ?? 0 }],
        '2001-05-01T01:00:01.000Z',
      );
      assert.deepEqual(await a.lastClosed('s'), new Map([['m', a1?.seq]]));
      assert.deepEqual(await unnamed.lastClosed('s'), new Map([['m', b1?.seq]]));
    } finally {
      await Promise.all([a.close(), b.close(), unnamed.close()]);
    }
    const again = await open('instances', 'a');
    try {
      const id = 'm@2001-05-01T00:00:00.000Z/2001-05-01T01:00:00.000Z';
      assert.equal((await again.ownObservations('s', [id])).get(id)?.events, 2);
      assert.deepEqual(
        (await again.eventsToRefill('s')).map((e) => e.id),
        ['a1', 'a2'],
      );
    } finally {
      await again.close();
    }
  });

  test('windows closed before migration 0007 hold the events of the batches received by their close', async () => {
    const { db, dialect } = raw('last-seq');
    await migrate(db, dialect, '0006-event-batches-instance');
    for (const received of ['2001-05-01T10:00:00.000Z', '2001-05-01T10:00:01.000Z', '2001-05-01T10:00:03.000Z'])
      await sql`insert into event_batches (system, received_at, events) values ('s', ${received}, '[]')`.execute(db);
    const window = (model: string, closed: string) =>
      sql`insert into windows (system, id, instance, model, start, "end", closed_at, events)
        values ('s', ${model}, 'i', ${model}, '2001-05-01T10:00:00.000Z', '2001-05-01T10:05:00.000Z', ${closed}, 1)`.execute(
        db,
      );
    await window('m', '2001-05-01T10:00:02.000Z');
    await window('before-any', '2001-05-01T09:00:00.000Z');
    await db.destroy();
    const store = await open('last-seq');
    try {
      // The second batch was the last received by the close: its events, up to its last slot.
      assert.deepEqual(await store.lastClosed('s'), new Map([['m', 3 * SLOTS - 1]]));
    } finally {
      await store.close();
    }
  });

  test('reopening runs no migration twice and keeps the data', async () => {
    const first = await open('reopen');
    await first.addEvents('s', [event('a')], 0);
    await first.close();
    const second = await open('reopen');
    try {
      assert.deepEqual(
        (await second.events('s')).map((e) => e.id),
        ['a'],
      );
      assert.equal((await second.counts('s')).events.accepted, 1);
    } finally {
      await second.close();
    }
  });
}

describe('store on SQLite', () => {
  const dir = tempDir();
  const file = (name: string) => join(dir, name, 'dovetail.sqlite');
  storeSuite(
    async (name, instance) => openStore(file(name), instance),
    (name) => {
      mkdirSync(dirname(file(name)), { recursive: true });
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file(name)) }) });
      return { db, dialect: 'sqlite' };
    },
  );

  // 6 MB of events: more pages than the thread of checkpoints waits for (1,000), far fewer than a
  // commit's own checkpoint does (16,384): only that thread copies them into the database file.
  test('a thread beside the store copies committed pages from the log into the database file', async () => {
    const store = await openStore(file('checkpoints'));
    try {
      const before = statSync(file('checkpoints')).size;
      const note = 'x'.repeat(1000);
      for (let b = 0; b < 60; b++)
        await store.addEvents(
          's',
          Array.from({ length: 100 }, (_, i) => event(`e${b}-${i}`, { inputs: { note } })),
          0,
        );
      const deadline = Date.now() + 10_000;
      while (statSync(file('checkpoints')).size < before + 4_000_000 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(
        statSync(file('checkpoints')).size >= before + 4_000_000,
        `${statSync(file('checkpoints')).size} bytes`,
      );
    } finally {
      await store.close();
    }
  });
});

describe('store on PostgreSQL', () => {
  let pg: Postgres;
  const databases = new Map<string, string>();
  before(async () => {
    pg = await startPostgres();
  });
  after(() => pg?.stop());
  const url = (name: string) => {
    const found = databases.get(name) ?? pg.database(name);
    databases.set(name, found);
    return found;
  };
  storeSuite(
    async (name, instance) => openStore(url(name), instance),
    (name) => {
      const pool = new postgres.Pool({ connectionString: url(name) });
      return { db: new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
    },
  );

  test('ground truth sent at once to instances sharing the database is stored once', async () => {
    const instances = await Promise.all(['a', 'b', 'c'].map((name) => openStore(url('truth-race'), name)));
    try {
      await instances[0]?.addEvents('s', [event('e')], 0);
      const truth = {
        event_id: 'e',
        kind: 'ground_truth' as const,
        actual: { delayed: true },
        timestamp: '2001-05-02T00:00:00.000Z',
      };
      const joins = await Promise.all(
        Array.from({ length: 30 }, (_, i) => instances[i % 3]?.addFeedback('s', [truth], 0)),
      );
      assert.equal(joins.filter((j) => typeof j?.[0] === 'object').length, 1);
      assert.equal(joins.filter((j) => j?.[0] === 'repeated').length, 29);
      assert.equal((await instances[0]?.feedback('s'))?.length, 1);
    } finally {
      await Promise.all(instances.map((s) => s.close()));
    }
  });
});
