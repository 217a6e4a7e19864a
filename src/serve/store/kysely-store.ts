// The store over Kysely: the same queries on SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Finding, Phase } from '../../rules/types.js';
import type { Observation } from '../window.js';
import { windowId } from '../window-id.js';
import { chunks, IDS_PER_QUERY } from './chunks.js';
import {
  type BatchInserts,
  batchInserts,
  type EventBatch,
  insertEvents,
  joinBatches,
  joinEvents,
  type Place,
  readEvents,
  serializeEvents,
  storedOf,
} from './event-batches.js';
import { GroupCommit } from './group-commit.js';
import type { Dialect } from './migrations.js';
import { type Reusable, reusable } from './reusable.js';
import type {
  ClosedWindow,
  FeedbackJoin,
  FeedbackRecord,
  FindingStatus,
  Page,
  RecordedFindings,
  Store,
  StoredEvent,
  StoredFeedback,
  StoredObservation,
  StoredWindow,
  SystemCounts,
  TrackedFinding,
} from './store.js';
import type { CounterTable, FindingTable, Tables } from './tables.js';

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const ROWS_PER_INSERT = 1000;

const DEFAULT_PAGE = 1000;

const truthKey = (eventId: string, name: string | null | undefined) => `${eventId}\u0000${name ?? ''}`;

/** The ground truth stored for events `ids`, as truthKey(event, name). */
async function groundTruthGiven(
  trx: Transaction<Tables>,
  system: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const given = new Set<string>();
  for (const part of chunks(ids, IDS_PER_QUERY)) {
    const rows = await trx
      .selectFrom('feedback')
      .select(['event_id', 'name'])
      .where('system', '=', system)
      .where('kind', '=', 'ground_truth')
      .where('event_id', 'in', part)
      .execute();
    for (const r of rows) given.add(truthKey(r.event_id, r.name));
  }
  return given;
}

type Counter = Exclude<keyof CounterTable, 'system' | 'instance'>;
type Counts = [events_accepted: number, events_rejected: number, feedback_accepted: number, feedback_rejected: number];

/** One request's events, serialized; `rejected` counts those of its batch that failed validation. */
export interface EventWrite {
  system: string;
  batches: readonly EventBatch[];
  rejected: number;
}

/** The object without its undefined fields, so stored rows read back as they were sent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** A row of `findings` as the API shows it: the finding with its history. */
function tracked(r: Selectable<FindingTable>): TrackedFinding {
  return defined({
    ...(JSON.parse(r.finding) as Finding),
    status: r.status,
    first_seen: r.first_seen,
    last_seen: r.last_seen,
    resolved_at: r.resolved_at ?? undefined,
    occurrences: Number(r.occurrences),
    window: r.window ?? undefined,
  });
}

export class KyselyStore implements Store {
  /** This instance: its row in `counters`, its part of each window, the batches it stored. */
  private readonly instance: string;
  /** Whether the instance was named (it keeps its identity across restarts), not given a random id. */
  private readonly named: boolean;
  private readonly eventWrites = new GroupCommit<EventWrite, Place[]>((writes) => this.commitEvents(writes));
  private readonly inserts: BatchInserts;
  /** Adds counts to this instance's row of a system's counters. */
  private readonly addCounts: Reusable<[system: string, instance: string, ...Counts], unknown>;

  constructor(
    private readonly db: Kysely<Tables>,
    readonly dialect: Dialect,
    name?: string,
  ) {
    this.instance = name ?? randomUUID();
    this.named = name !== undefined;
    this.inserts = batchInserts(db, dialect);
    this.addCounts = reusable(
      (system, instance, events_accepted, events_rejected, feedback_accepted, feedback_rejected) =>
        db
          .insertInto('counters')
          .values({ system, instance, events_accepted, events_rejected, feedback_accepted, feedback_rejected })
          .onConflict((oc) =>
            oc.columns(['system', 'instance']).doUpdateSet((eb) => ({
              events_accepted: eb('counters.events_accepted', '+', eb.ref('excluded.events_accepted')),
              events_rejected: eb('counters.events_rejected', '+', eb.ref('excluded.events_rejected')),
              feedback_accepted: eb('counters.feedback_accepted', '+', eb.ref('excluded.feedback_accepted')),
              feedback_rejected: eb('counters.feedback_rejected', '+', eb.ref('excluded.feedback_rejected')),
            })),
          )
          .compile(),
      ['system', 'instance', 1, 2, 3, 4],
    );
  }

  private async add(trx: Transaction<Tables>, system: string, counts: Partial<Record<Counter, number>>) {
    const { events_accepted = 0, events_rejected = 0, feedback_accepted = 0, feedback_rejected = 0 } = counts;
    await this.addCounts(
      trx,
      system,
      this.instance,
      events_accepted,
      events_rejected,
      feedback_accepted,
      feedback_rejected,
    );
  }

  addEvents: Store['addEvents'] = async (system, events, rejected, json) =>
    storedOf(events, await this.eventWrites.add({ system, batches: serializeEvents(events, json), rejected }));

  /**
   * addEvents of several calls, their events serialized already (by ThreadStore): for each, the
   * places of those stored, or why they could not be. All go to the same group commit.
   */
  addEventWrites(writes: readonly EventWrite[]): Promise<PromiseSettledResult<Place[]>[]> {
    return Promise.allSettled(writes.map((w) => this.eventWrites.add(w)));
  }

  /** Several requests' events in one transaction; for each, the places of the events it stored. */
  private commitEvents(writes: readonly EventWrite[]): Promise<Place[][]> {
    const received_at = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      // One batch row per system for the whole group, in request order.
      const bySystem = new Map<string, { batches: EventBatch[]; rejected: number }>();
      for (const w of writes) {
        const s = bySystem.get(w.system) ?? { batches: [], rejected: 0 };
        s.batches.push(...w.batches);
        s.rejected += w.rejected;
        bySystem.set(w.system, s);
      }
      const inserted = new Map<string, Map<string, number>>();
      for (const [system, s] of bySystem) {
        const seqs = new Map<string, number>();
        for (const batch of joinBatches(s.batches))
          for (const [id, seq] of await insertEvents(trx, this.inserts, system, batch, received_at, this.instance))
            seqs.set(id, seq);
        inserted.set(system, seqs);
        await this.add(trx, system, { events_accepted: seqs.size, events_rejected: s.rejected });
      }
      // An id sent twice was stored from its first occurrence.
      return writes.map((w) => {
        const seqs = inserted.get(w.system) as Map<string, number>;
        return w.batches
          .flatMap((b) => b.ids)
          .flatMap((id, i): Place[] => {
            const seq = seqs.get(id);
            if (seq === undefined) return [];
            seqs.delete(id);
            return [[i, seq]];
          });
      });
    });
  }

  async addFeedback(system: string, feedback: readonly FeedbackRecord[], rejected: number): Promise<FeedbackJoin[]> {
    const received_at = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      // Instances sharing PostgreSQL store a system's feedback one transaction at a time: two of them
      // must not both find an event's ground truth new. (SQLite has a single writer already.)
      if (this.dialect === 'postgres')
        await sql`select pg_advisory_xact_lock(hashtext(${`dovetail feedback ${system}`}))`.execute(trx);
      const known = await joinEvents(trx, system, [...new Set(feedback.map((f) => f.event_id))]);
      const truths = feedback.filter((f) => f.kind === 'ground_truth' && known.has(f.event_id));
      const given = await groundTruthGiven(trx, system, [...new Set(truths.map((f) => f.event_id))]);
      const joins = feedback.map((f): FeedbackJoin => {
        const event = known.get(f.event_id);
        if (!event || f.kind !== 'ground_truth') return event;
        const key = truthKey(f.event_id, f.name);
        if (given.has(key)) return 'repeated';
        given.add(key);
        return event;
      });
      const rows = feedback
        .filter((_, i) => typeof joins[i] === 'object')
        .map((f) => ({
          system,
          event_id: f.event_id,
          kind: f.kind,
          name: f.name ?? null,
          actual: JSON.stringify(f.actual),
          timestamp: f.timestamp,
          received_at,
          comment: f.comment ?? null,
        }));
      for (const chunk of chunks(rows, ROWS_PER_INSERT)) await trx.insertInto('feedback').values(chunk).execute();
      const acknowledged = joins.filter((j) => j !== undefined).length;
      await this.add(trx, system, {
        feedback_accepted: acknowledged,
        feedback_rejected: rejected + feedback.length - acknowledged,
      });
      return joins;
    });
  }

  events(system: string, page: Page = {}): Promise<StoredEvent[]> {
    return readEvents(this.db, system, page.after ?? 0, page.limit ?? DEFAULT_PAGE);
  }

  eventsToRefill(system: string, page: Page = {}): Promise<StoredEvent[]> {
    const own = this.named ? this.instance : undefined;
    return readEvents(this.db, system, page.after ?? 0, page.limit ?? DEFAULT_PAGE, own);
  }

  deleteEventsReceivedBefore(system: string, at: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const old = trx
        .selectFrom('event_batches')
        .select('seq')
        .where('system', '=', system)
        .where('received_at', '<', at);
      const ids = await trx
        .deleteFrom('event_ids')
        .where('system', '=', system)
        .where('batch', 'in', old)
        .executeTakeFirst();
      await trx.deleteFrom('event_batches').where('system', '=', system).where('received_at', '<', at).execute();
      return Number(ids.numDeletedRows);
    });
  }

  async lastClosed(system: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('windows')
      .select(['model', (eb) => eb.fn.max('last_seq').as('last_seq')])
      .where('system', '=', system)
      .$if(this.named, (q) => q.where('instance', '=', this.instance))
      .groupBy('model')
      .execute();
    return new Map(
      rows.flatMap((r) => (r.model === null || r.last_seq === null ? [] : [[r.model, Number(r.last_seq)]])),
    );
  }

  async feedback(system: string, page: Page = {}): Promise<StoredFeedback[]> {
    const rows = await this.db
      .selectFrom('feedback')
      .selectAll()
      .where('system', '=', system)
      .where('seq', '>', page.after ?? 0)
      .orderBy('seq')
      .limit(page.limit ?? DEFAULT_PAGE)
      .execute();
    return rows.map((r) =>
      defined({
        seq: r.seq,
        received_at: r.received_at,
        event_id: r.event_id,
        kind: r.kind as FeedbackRecord['kind'],
        name: r.name ?? undefined,
        actual: JSON.parse(r.actual) as Record<string, unknown>,
        timestamp: r.timestamp,
        comment: r.comment ?? undefined,
      }),
    );
  }

  async counts(system: string): Promise<SystemCounts> {
    const total = (column: Counter) => sql<number>`cast(coalesce(sum(${sql.ref(column)}), 0) as bigint)`;
    const c = await this.db
      .selectFrom('counters')
      .select([
        total('events_accepted').as('events_accepted'),
        total('events_rejected').as('events_rejected'),
        total('feedback_accepted').as('feedback_accepted'),
        total('feedback_rejected').as('feedback_rejected'),
      ])
      .where('system', '=', system)
      .executeTakeFirstOrThrow();
    const open = await this.db
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('system', '=', system)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return {
      events: { accepted: Number(c.events_accepted), rejected: Number(c.events_rejected) },
      feedback: { accepted: Number(c.feedback_accepted), rejected: Number(c.feedback_rejected) },
      findings: { open: Number(open.n) },
    };
  }

  async recordFindings(
    system: string,
    phase: Phase,
    findings: readonly Finding[],
    at: string,
    window?: string,
  ): Promise<RecordedFindings> {
    // One row per fingerprint: a second finding with the same fingerprint is the same problem.
    const unique = [...new Map(findings.map((f) => [f.fingerprint, f])).values()];
    const rows = unique.map((f, position) => ({
      system,
      phase,
      fingerprint: f.fingerprint,
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      status: 'open' as const,
      first_seen: at,
      last_seen: at,
      resolved_at: null,
      occurrences: 1,
      window: window ?? null,
      position,
      finding: JSON.stringify(f),
    }));
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('findings')
        .select('fingerprint')
        .where('system', '=', system)
        .where('phase', '=', phase)
        .where('status', '=', 'open')
        .execute();
      const wasOpen = new Set(before.map((r) => r.fingerprint));
      // Resolve every open finding of the phase, then reopen those this check shows: one transaction,
      // so readers never see the step between.
      await trx
        .updateTable('findings')
        .set({ status: 'resolved', resolved_at: at })
        .where('system', '=', system)
        .where('phase', '=', phase)
        .where('status', '=', 'open')
        .execute();
      for (const chunk of chunks(rows, ROWS_PER_INSERT)) {
        await trx
          .insertInto('findings')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['system', 'phase', 'fingerprint']).doUpdateSet((eb) => ({
              status: 'open',
              last_seen: eb.ref('excluded.last_seen'),
              resolved_at: null,
              occurrences: eb('findings.occurrences', '+', 1),
              window: eb.ref('excluded.window'),
              position: eb.ref('excluded.position'),
              finding: eb.ref('excluded.finding'),
              severity: eb.ref('excluded.severity'),
            })),
          )
          .execute();
      }
      const touched = [...new Set([...wasOpen, ...unique.map((f) => f.fingerprint)])];
      const changes: RecordedFindings = { opened: [], updated: [], resolved: [] };
      for (const ids of chunks(touched, ROWS_PER_INSERT)) {
        const rows = await trx
          .selectFrom('findings')
          .selectAll()
          .where('system', '=', system)
          .where('phase', '=', phase)
          .where('fingerprint', 'in', ids)
          .orderBy('position')
          .execute();
        for (const r of rows) {
          const list = r.status === 'resolved' ? 'resolved' : wasOpen.has(r.fingerprint) ? 'updated' : 'opened';
          changes[list].push(tracked(r));
        }
      }
      return changes;
    });
  }

  async findings(system: string, filter: { phase?: Phase; status?: FindingStatus } = {}): Promise<TrackedFinding[]> {
    let q = this.db.selectFrom('findings').selectAll().where('system', '=', system);
    if (filter.phase) q = q.where('phase', '=', filter.phase);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q.orderBy('phase').orderBy('status').orderBy('position').execute();
    return rows.map(tracked);
  }

  async addObservations(system: string, closed: readonly ClosedWindow[], at: string): Promise<void> {
    const instance = this.instance;
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunks(closed, ROWS_PER_INSERT)) {
        await trx
          .insertInto('windows')
          .values(
            chunk.map(({ observation: o, lastSeq }) => ({
              system,
              id: windowId(o),
              instance,
              model: o.model?.name ?? null,
              start: o.window.start,
              end: o.window.end,
              closed_at: at,
              events: o.events,
              last_seq: lastSeq,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['system', 'id', 'instance']).doUpdateSet((eb) => ({
              closed_at: eb.ref('excluded.closed_at'),
              events: eb.ref('excluded.events'),
              last_seq: eb.ref('excluded.last_seq'),
            })),
          )
          .execute();
        await trx
          .insertInto('observations')
          .values(
            chunk.map(({ observation: o }) => ({
              system,
              window: windowId(o),
              instance,
              at,
              observation: JSON.stringify(o),
            })),
          )
          .onConflict((oc) =>
            oc.columns(['system', 'window', 'instance']).doUpdateSet((eb) => ({
              at: eb.ref('excluded.at'),
              observation: eb.ref('excluded.observation'),
            })),
          )
          .execute();
      }
    });
  }

  async windows(system: string, limit: number): Promise<StoredWindow[]> {
    const rows = await this.db
      .selectFrom('windows')
      .selectAll()
      .where('system', '=', system)
      .orderBy('closed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) =>
      defined({
        id: r.id,
        instance: r.instance,
        model: r.model ?? undefined,
        start: r.start,
        end: r.end,
        closed_at: r.closed_at,
        events: Number(r.events),
      }),
    );
  }

  async ownObservations(system: string, windows: readonly string[]): Promise<Map<string, Observation>> {
    if (!windows.length) return new Map();
    const rows = await this.db
      .selectFrom('observations')
      .select(['window', 'observation'])
      .where('system', '=', system)
      .where('window', 'in', windows)
      .where('instance', '=', this.instance)
      .execute();
    return new Map(rows.map((r) => [r.window, JSON.parse(r.observation) as Observation]));
  }

  async windowObservations(system: string, windows: readonly string[]): Promise<Map<string, Observation[]>> {
    const parts = new Map<string, Observation[]>();
    if (!windows.length) return parts;
    const rows = await this.db
      .selectFrom('observations')
      .select(['window', 'observation'])
      .where('system', '=', system)
      .where('window', 'in', windows)
      .orderBy('instance')
      .execute();
    for (const r of rows) {
      const observation = JSON.parse(r.observation) as Observation;
      const list = parts.get(r.window);
      if (list) list.push(observation);
      else parts.set(r.window, [observation]);
    }
    return parts;
  }

  async observations(system: string, limit: number): Promise<StoredObservation[]> {
    const rows = await this.db
      .selectFrom('observations')
      .selectAll()
      .where('system', '=', system)
      .orderBy('at', 'desc')
      .orderBy('window', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      window: r.window,
      instance: r.instance,
      at: r.at,
      observation: JSON.parse(r.observation) as Observation,
    }));
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
