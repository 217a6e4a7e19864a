// Migration 0003 moves the events stored before it (one row per event in `events`) into batch rows
// and id rows (event-batches.ts), in arrival order, so they read back exactly as before.
import type { Kysely } from 'kysely';
import type { EventRecord } from './store.js';
import type { Tables } from './tables.js';

/** A row of `events` as migrations 0001 and 0002 left it. */
interface LegacyEventTable {
  seq: number;
  system: string;
  id: string;
  timestamp: string;
  received_at: string;
  model: string | null;
  model_version: string | null;
  inputs: string | null;
  outputs: string | null;
  latency_ms: number | null;
  resources: string | null;
  metrics: string | null;
  logs: string | null;
}

const ROWS_PER_READ = 1000;

type Legacy = Kysely<Tables & { events: LegacyEventTable }>;

function record(r: LegacyEventTable): EventRecord {
  const e: EventRecord = { id: r.id, timestamp: r.timestamp };
  if (r.model !== null) e.model = r.model;
  if (r.model_version !== null) e.model_version = r.model_version;
  if (r.inputs !== null) e.inputs = JSON.parse(r.inputs);
  if (r.outputs !== null) e.outputs = JSON.parse(r.outputs);
  if (r.latency_ms !== null) e.latency_ms = Number(r.latency_ms);
  if (r.resources !== null) e.resources = JSON.parse(r.resources);
  if (r.metrics !== null) e.metrics = JSON.parse(r.metrics);
  if (r.logs !== null) e.logs = JSON.parse(r.logs);
  return e;
}

/** Moves every row of `events` into `event_batches` and `event_ids`, then drops `events`. */
export async function moveLegacyEvents(db: Kysely<unknown>): Promise<void> {
  const legacy = db as unknown as Legacy;
  for (let after = 0; ; ) {
    const rows = await legacy
      .selectFrom('events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(ROWS_PER_READ)
      .execute();
    const last = rows.at(-1);
    if (!last) break;
    after = Number(last.seq);
    // Consecutive rows of one system that arrived together (one request) make one batch.
    for (let i = 0; i < rows.length; ) {
      const first = rows[i] as LegacyEventTable;
      let j = i + 1;
      while (j < rows.length && rows[j]?.system === first.system && rows[j]?.received_at === first.received_at) j++;
      const events = rows.slice(i, j).map(record);
      const { seq } = await legacy
        .insertInto('event_batches')
        .values({ system: first.system, received_at: first.received_at, events: JSON.stringify(events) })
        .returning('seq')
        .executeTakeFirstOrThrow();
      await legacy
        .insertInto('event_ids')
        .values(events.map((e) => ({ system: first.system, id: e.id, batch: seq })))
        .execute();
      i = j;
    }
  }
  await legacy.schema.dropTable('events').execute();
}
