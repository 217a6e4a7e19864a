// How events are stored: the events a commit brings for one system are one row of `event_batches`
// (a JSON array, in arrival order), and each event's id is a row of `event_ids`, whose key keeps ids
// unique per system and points at the batch. A row per event cost about 10 µs of SQLite time each;
// a batch row and a narrow id row cost a few, and the ids go in with one statement per batch. Events
// are serialized once, where they are received; the text goes to the store (and its thread) as is.
//
// An event's arrival position (`seq`) is its batch's seq times SLOTS plus its place in the batch.
import { type Kysely, sql, type Transaction } from 'kysely';
import { chunks, IDS_PER_QUERY } from './chunks.js';
import type { Dialect } from './migrations.js';
import { type Reusable, reusable } from './reusable.js';
import type { EventRecord, JoinedEvent, Sequenced, StoredEvent } from './store.js';
import type { Tables } from './tables.js';

type Db = Kysely<Tables> | Transaction<Tables>;

/** Events per batch row at most, and the factor of a batch's seq in its events' seq. */
export const SLOTS = 2 ** 20;

/** The texts of a JSON array of strings, as rows of a `value` column. */
const elements = (dialect: Dialect, json: string) =>
  dialect === 'sqlite' ? sql`json_each(${json})` : sql`json_array_elements_text(${json}::json)`;

/** Events serialized for storage, once: their JSON array and their ids, in order. */
export interface EventBatch {
  json: string;
  ids: string[];
}

/** The events as batches of at most SLOTS events; `json`, their array's text if the caller has it. */
export function serializeEvents(events: readonly EventRecord[], json?: string): EventBatch[] {
  if (json !== undefined && events.length && events.length <= SLOTS) return [{ json, ids: events.map((e) => e.id) }];
  return chunks(events, SLOTS).map((part) => ({ json: JSON.stringify(part), ids: part.map((e) => e.id) }));
}

/** An event stored: its place among the events of its call, and its arrival position. */
export type Place = [place: number, seq: number];

/** The events at their places, with their arrival positions: what addEvents returns of those stored. */
export const storedOf = (events: readonly EventRecord[], places: readonly Place[]): Sequenced[] =>
  places.map(([i, seq]) => ({ event: events[i] as EventRecord, seq }));

/**
 * Texts of batches joined into one row at most, in UTF-16 code units: a longer text is a large
 * object for V8, and each is given fresh memory that the kernel must clear, which cost more than
 * the rows saved. A batch this long already stands alone.
 */
const JOINED_CHARS = 32_768;

/**
 * Batches, in order, with consecutive small ones joined: a row costs about as much to insert
 * whatever its size, so many single-event requests committed together make one row.
 */
export function joinBatches(batches: readonly EventBatch[]): EventBatch[] {
  const groups: EventBatch[][] = [];
  let events = Number.POSITIVE_INFINITY;
  let chars = Number.POSITIVE_INFINITY;
  for (const b of batches) {
    if (!b.ids.length) continue;
    if (events + b.ids.length > SLOTS || chars + b.json.length > JOINED_CHARS) {
      groups.push([]);
      events = 0;
      chars = 0;
    }
    groups.at(-1)?.push(b);
    events += b.ids.length;
    chars += b.json.length;
  }
  return groups.map((group) => (group.length === 1 ? (group[0] as EventBatch) : joined(group)));
}

/**
 * One batch of several, its text made by a single join into a flat string: a text made of pieces
 * would be copied whole once more where the database driver reads it.
 */
function joined(group: readonly EventBatch[]): EventBatch {
  const parts: string[] = [];
  for (const b of group) parts.push(parts.length ? ',' : '[', b.json.slice(1, -1));
  parts.push(']');
  return { json: parts.join(''), ids: group.flatMap((b) => b.ids) };
}

/** The two statements that store a batch, compiled once per store. */
export interface BatchInserts {
  /** The batch's row; returns its seq. */
  batch: Reusable<[system: string, received_at: string, events: string, instance: string], { seq: number }>;
  /** The ids (a JSON array) not stored before, each pointing at the batch; its count is of those inserted. */
  ids: Reusable<[system: string, batch: number, ids: string], never>;
  /** Those of the ids (a JSON array) that point at the batch: the ones it inserted. */
  inserted: Reusable<[system: string, batch: number, ids: string], { id: string }>;
}

export function batchInserts(db: Kysely<Tables>, dialect: Dialect): BatchInserts {
  return {
    batch: reusable(
      (system, received_at, events, instance) =>
        db.insertInto('event_batches').values({ system, received_at, events, instance }).returning('seq').compile(),
      ['system', 'received_at', 'events', 'instance'],
    ),
    ids: reusable(
      (system, batch, ids) =>
        sql<never>`
          insert into event_ids (system, id, batch)
          select ${system}, value, cast(${batch} as bigint) from ${elements(dialect, ids)}
          where true on conflict do nothing`.compile(db),
      ['system', 1, '[]'],
    ),
    inserted: reusable(
      (system, batch, ids) =>
        sql<{ id: string }>`
          select id from event_ids
          where system = ${system} and batch = ${batch} and id in (select value from ${elements(dialect, ids)})`.compile(
          db,
        ),
      ['system', 1, '[]'],
    ),
  };
}

/**
 * Stores a batch of `system` as one row; returns the arrival positions of the ids stored, those not
 * stored before (an id sent twice is stored from its first occurrence).
 */
export async function insertEvents(
  trx: Transaction<Tables>,
  inserts: BatchInserts,
  system: string,
  batch: EventBatch,
  received_at: string,
  instance: string,
): Promise<Map<string, number>> {
  const [row] = (await inserts.batch(trx, system, received_at, batch.json, instance)).rows;
  const seq = (row as { seq: number }).seq;
  const ids = JSON.stringify(batch.ids);
  const { numAffectedRows } = await inserts.ids(trx, system, seq, ids);
  const seqs = new Map<string, number>();
  // Usually every id is new: each event at its place. Reading back the ids inserted (a row each)
  // is left for the batches where some were not.
  if (Number(numAffectedRows) === batch.ids.length) {
    for (const [i, id] of batch.ids.entries()) seqs.set(id, seq * SLOTS + i);
    return seqs;
  }
  const inserted = new Set((await inserts.inserted(trx, system, seq, ids)).rows.map((r) => r.id));
  // The events the row keeps, in order, each at the next place of the batch.
  for (const id of batch.ids) if (inserted.has(id) && !seqs.has(id)) seqs.set(id, seq * SLOTS + seqs.size);
  // Some ids were stored already (or twice in the batch): the row keeps only the events stored now.
  const now = new Set(inserted);
  const kept = (JSON.parse(batch.json) as EventRecord[]).filter((e) => now.delete(e.id));
  if (kept.length)
    await trx
      .updateTable('event_batches')
      .set({ events: JSON.stringify(kept) })
      .where('seq', '=', seq)
      .execute();
  else await trx.deleteFrom('event_batches').where('seq', '=', seq).execute();
  return seqs;
}

/**
 * At most `limit` events of `system` after arrival position `after`, in arrival order; with
 * `instance`, only those that instance stored.
 */
export async function readEvents(
  db: Db,
  system: string,
  after: number,
  limit: number,
  instance?: string,
): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let from = Math.floor(after / SLOTS);
  while (out.length < limit) {
    // Every batch row holds at least one event.
    const rows = await db
      .selectFrom('event_batches')
      .select(['seq', 'received_at', 'events'])
      .where('system', '=', system)
      .where('seq', '>=', from)
      .$if(instance !== undefined, (q) => q.where('instance', '=', instance as string))
      .orderBy('seq')
      .limit(Math.min(limit - out.length + 1, IDS_PER_QUERY))
      .execute();
    for (const r of rows) {
      (JSON.parse(r.events) as EventRecord[]).forEach((e, i) => {
        const seq = r.seq * SLOTS + i;
        if (seq > after && out.length < limit) out.push({ seq, received_at: r.received_at, ...e });
      });
    }
    const last = rows.at(-1);
    if (!last) break;
    from = last.seq + 1;
  }
  return out;
}

/** The stored events of `system` among `ids`, by id: what feedback joins. */
export async function joinEvents(trx: Db, system: string, ids: readonly string[]): Promise<Map<string, JoinedEvent>> {
  const batches = new Set<number>();
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    const rows = await trx
      .selectFrom('event_ids')
      .select('batch')
      .where('system', '=', system)
      .where('id', 'in', part)
      .execute();
    for (const r of rows) batches.add(r.batch);
  }
  const wanted = new Set(ids);
  const joined = new Map<string, JoinedEvent>();
  for (const part of chunks([...batches], IDS_PER_QUERY)) {
    const rows = await trx.selectFrom('event_batches').select('events').where('seq', 'in', part).execute();
    for (const r of rows) {
      for (const e of JSON.parse(r.events) as EventRecord[]) {
        if (!wanted.has(e.id)) continue;
        const event: JoinedEvent = {};
        if (e.model !== undefined) event.model = e.model;
        if (e.outputs !== undefined) event.outputs = e.outputs;
        joined.set(e.id, event);
      }
    }
  }
  return joined;
}
