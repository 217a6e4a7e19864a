// The store over Kysely: the same queries on SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Finding, Phase } from '../../rules/types.js';
import { type Observation, windowId } from '../window.js';
import type { Dialect } from './migrations.js';
import type {
  EventRecord,
  FeedbackRecord,
  FindingStatus,
  JoinedEvent,
  Page,
  Store,
  StoredEvent,
  StoredFeedback,
  StoredObservation,
  StoredWindow,
  SystemCounts,
  TrackedFinding,
} from './store.js';
import type { CounterTable, Tables } from './tables.js';

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const ROWS_PER_INSERT = 1000;
const DEFAULT_PAGE = 1000;

type Counter = Exclude<keyof CounterTable, 'system' | 'instance'>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parsed = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text));

/** The object without its undefined fields, so stored rows read back as they were sent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export class KyselyStore implements Store {
  /** This process's row in `counters`. */
  private readonly instance = randomUUID();

  constructor(
    private readonly db: Kysely<Tables>,
    readonly dialect: Dialect,
  ) {}

  private async add(trx: Transaction<Tables>, system: string, counts: Partial<Record<Counter, number>>) {
    const row = { events_accepted: 0, events_rejected: 0, feedback_accepted: 0, feedback_rejected: 0, ...counts };
    await trx
      .insertInto('counters')
      .values({ system, instance: this.instance, ...row })
      .onConflict((oc) =>
        oc.columns(['system', 'instance']).doUpdateSet((eb) => ({
          events_accepted: eb('counters.events_accepted', '+', row.events_accepted),
          events_rejected: eb('counters.events_rejected', '+', row.events_rejected),
          feedback_accepted: eb('counters.feedback_accepted', '+', row.feedback_accepted),
          feedback_rejected: eb('counters.feedback_rejected', '+', row.feedback_rejected),
        })),
      )
      .execute();
  }

  async addEvents(system: string, events: readonly EventRecord[], rejected: number): Promise<EventRecord[]> {
    const received_at = new Date().toISOString();
    const rows = events.map((e) => ({
      system,
      id: e.id,
      timestamp: e.timestamp,
      received_at,
      model: e.model ?? null,
      model_version: e.model_version ?? null,
      inputs: json(e.inputs),
      outputs: json(e.outputs),
      latency_ms: e.latency_ms ?? null,
      resources: json(e.resources),
      metrics: json(e.metrics),
      logs: json(e.logs),
    }));
    const inserted = new Set<string>();
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunks(rows, ROWS_PER_INSERT)) {
        const r = await trx
          .insertInto('events')
          .values(chunk)
          .onConflict((oc) => oc.columns(['system', 'id']).doNothing())
          .returning('id')
          .execute();
        for (const { id } of r) inserted.add(id);
      }
      await this.add(trx, system, { events_accepted: inserted.size, events_rejected: rejected });
    });
    // An id sent twice in one batch was inserted once, from its first occurrence.
    return events.filter((e) => inserted.delete(e.id));
  }

  async addFeedback(
    system: string,
    feedback: readonly FeedbackRecord[],
    rejected: number,
  ): Promise<(JoinedEvent | undefined)[]> {
    const received_at = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const known = new Map<string, JoinedEvent>();
      for (const ids of chunks([...new Set(feedback.map((f) => f.event_id))], ROWS_PER_INSERT)) {
        const rows = await trx
          .selectFrom('events')
          .select(['id', 'model', 'outputs'])
          .where('system', '=', system)
          .where('id', 'in', ids)
          .execute();
        for (const r of rows) {
          known.set(
            r.id,
            defined({ model: r.model ?? undefined, outputs: parsed(r.outputs) as JoinedEvent['outputs'] }),
          );
        }
      }
      const joined = feedback.map((f) => known.get(f.event_id));
      const rows = feedback
        .filter((f) => known.has(f.event_id))
        .map((f) => ({
          system,
          event_id: f.event_id,
          kind: f.kind,
          actual: JSON.stringify(f.actual),
          timestamp: f.timestamp,
          received_at,
          comment: f.comment ?? null,
        }));
      for (const chunk of chunks(rows, ROWS_PER_INSERT)) await trx.insertInto('feedback').values(chunk).execute();
      await this.add(trx, system, {
        feedback_accepted: rows.length,
        feedback_rejected: rejected + feedback.length - rows.length,
      });
      return joined;
    });
  }

  async events(system: string, page: Page = {}): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('events')
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
        id: r.id,
        timestamp: r.timestamp,
        model: r.model ?? undefined,
        model_version: r.model_version ?? undefined,
        inputs: parsed(r.inputs) as StoredEvent['inputs'],
        outputs: parsed(r.outputs) as StoredEvent['outputs'],
        latency_ms: r.latency_ms ?? undefined,
        resources: parsed(r.resources) as StoredEvent['resources'],
        metrics: parsed(r.metrics) as StoredEvent['metrics'],
        logs: parsed(r.logs) as StoredEvent['logs'],
      }),
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
  ): Promise<void> {
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
    await this.db.transaction().execute(async (trx) => {
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
    });
  }

  async findings(system: string, filter: { phase?: Phase; status?: FindingStatus } = {}): Promise<TrackedFinding[]> {
    let q = this.db.selectFrom('findings').selectAll().where('system', '=', system);
    if (filter.phase) q = q.where('phase', '=', filter.phase);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q.orderBy('phase').orderBy('status').orderBy('position').execute();
    return rows.map((r) =>
      defined({
        ...(JSON.parse(r.finding) as Finding),
        status: r.status,
        first_seen: r.first_seen,
        last_seen: r.last_seen,
        resolved_at: r.resolved_at ?? undefined,
        occurrences: Number(r.occurrences),
        window: r.window ?? undefined,
      }),
    );
  }

  async addObservations(system: string, observations: readonly Observation[], at: string): Promise<void> {
    const instance = this.instance;
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunks(observations, ROWS_PER_INSERT)) {
        await trx
          .insertInto('windows')
          .values(
            chunk.map((o) => ({
              system,
              id: windowId(o),
              instance,
              model: o.model?.name ?? null,
              start: o.window.start,
              end: o.window.end,
              closed_at: at,
              events: o.events,
            })),
          )
          .execute();
        await trx
          .insertInto('observations')
          .values(chunk.map((o) => ({ system, window: windowId(o), instance, at, observation: JSON.stringify(o) })))
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
