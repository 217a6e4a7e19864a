// The store's schema, as migrations that run when the service starts. Both dialects get the same
// tables; only the arrival-order column (and SQLite's table without rowid) is spelled differently.
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { SLOTS } from './event-batches.js';
import { moveLegacyEvents } from './legacy-events.js';

export type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  const seq = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    dialect === 'sqlite'
      ? t.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      : t.addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity());
  return {
    '0001-events-feedback-findings': {
      async up(db: Kysely<unknown>) {
        await seq(db.schema.createTable('events'))
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('timestamp', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('model', 'text')
          .addColumn('model_version', 'text')
          .addColumn('inputs', 'text')
          .addColumn('outputs', 'text')
          .addColumn('latency_ms', 'double precision')
          .addColumn('resources', 'text')
          .addColumn('metrics', 'text')
          .addColumn('logs', 'text')
          .execute();
        await db.schema.createIndex('events_system_id').unique().on('events').columns(['system', 'id']).execute();
        await db.schema.createIndex('events_system_timestamp').on('events').columns(['system', 'timestamp']).execute();

        await seq(db.schema.createTable('feedback'))
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('actual', 'text', (c) => c.notNull())
          .addColumn('timestamp', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('comment', 'text')
          .execute();
        await db.schema.createIndex('feedback_system_event').on('feedback').columns(['system', 'event_id']).execute();

        await db.schema
          .createTable('counters')
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('instance', 'text', (c) => c.notNull())
          .addColumn('events_accepted', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('events_rejected', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('feedback_accepted', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('feedback_rejected', 'bigint', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('counters_pk', ['system', 'instance'])
          .execute();

        await db.schema
          .createTable('findings')
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('phase', 'text', (c) => c.notNull())
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('rule', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('severity', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('first_seen', 'text', (c) => c.notNull())
          .addColumn('last_seen', 'text', (c) => c.notNull())
          .addColumn('resolved_at', 'text')
          .addColumn('occurrences', 'bigint', (c) => c.notNull())
          .addColumn('window', 'text')
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('finding', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('findings_pk', ['system', 'phase', 'fingerprint'])
          .execute();

        await db.schema
          .createTable('windows')
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('instance', 'text', (c) => c.notNull())
          .addColumn('start', 'text', (c) => c.notNull())
          .addColumn('end', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .addColumn('events', 'bigint', (c) => c.notNull())
          .addColumn('profile', 'text')
          .addPrimaryKeyConstraint('windows_pk', ['system', 'id', 'instance'])
          .execute();

        await db.schema
          .createTable('observations')
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('window', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('observation', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('observations_pk', ['system', 'window'])
          .execute();
      },
    },
    // Nothing wrote windows or observations before this migration. Now each instance writes its own
    // partial observation of a window (they merge), so both are keyed by window and instance; a
    // window names its model, and its profiles live in the observation.
    '0002-windows-observations-per-instance': {
      async up(db: Kysely<unknown>) {
        await db.schema.dropTable('observations').execute();
        await db.schema.dropTable('windows').execute();
        await db.schema
          .createTable('windows')
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('instance', 'text', (c) => c.notNull())
          .addColumn('model', 'text')
          .addColumn('start', 'text', (c) => c.notNull())
          .addColumn('end', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text', (c) => c.notNull())
          .addColumn('events', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('windows_pk', ['system', 'id', 'instance'])
          .execute();
        await db.schema.createIndex('windows_system_closed').on('windows').columns(['system', 'closed_at']).execute();
        await db.schema
          .createTable('observations')
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('window', 'text', (c) => c.notNull())
          .addColumn('instance', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('observation', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('observations_pk', ['system', 'window', 'instance'])
          .execute();
        await db.schema.createIndex('observations_system_at').on('observations').columns(['system', 'at']).execute();
      },
    },
    // Events are stored a batch per row with an index of their ids (event-batches.ts): a row per
    // event cost SQLite several times more. The events stored before are moved, in arrival order.
    '0003-event-batches': {
      async up(db: Kysely<unknown>) {
        const move = async (trx: Kysely<unknown>) => {
          await seq(trx.schema.createTable('event_batches'))
            .addColumn('system', 'text', (c) => c.notNull())
            .addColumn('received_at', 'text', (c) => c.notNull())
            .addColumn('events', 'text', (c) => c.notNull())
            .execute();
          await trx.schema
            .createIndex('event_batches_system_seq')
            .on('event_batches')
            .columns(['system', 'seq'])
            .execute();
          await trx.schema
            .createTable('event_ids')
            .addColumn('system', 'text', (c) => c.notNull())
            .addColumn('id', 'text', (c) => c.notNull())
            .addColumn('batch', 'bigint', (c) => c.notNull())
            .addPrimaryKeyConstraint('event_ids_pk', ['system', 'id'])
            .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
            .execute();
          await moveLegacyEvents(trx);
        };
        // PostgreSQL runs each migration in a transaction; SQLite gets one here, so a crash moves all or nothing.
        await (db.isTransaction ? move(db) : db.transaction().execute(move));
      },
    },
    // Feedback names the trained model's user_system_feedback item it is, so the monitor can tell
    // which declared feedback is actually collected.
    '0004-feedback-name': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('feedback').addColumn('name', 'text').execute();
      },
    },
    // After a restart the monitor refills its open windows with the events received since each
    // model's last window closed: found by arrival time.
    '0005-event-batches-received': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex('event_batches_system_received')
          .on('event_batches')
          .columns(['system', 'received_at'])
          .execute();
      },
    },
    // Which instance stored each batch: a named instance that restarts refills its open windows with
    // its own events only, the others' being in the others' windows.
    '0006-event-batches-instance': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('event_batches').addColumn('instance', 'text').execute();
      },
    },
    // Where each closed window's events end in arrival order: a restart refills the events after it.
    // The stores' clocks and the monitor's may differ, and a window closed by count holds events
    // stored after the time it closed, so a time could not tell which events a window holds. Windows
    // already stored get the last batch received by the time they closed, as was assumed before.
    '0007-windows-last-seq': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('windows').addColumn('last_seq', 'bigint').execute();
        await sql`
          update windows set last_seq = (
            select (max(seq) + 1) * ${SLOTS} - 1 from event_batches
            where event_batches.system = windows.system and event_batches.received_at <= windows.closed_at)
        `.execute(db);
      },
    },
  };
}

/**
 * Brings the store's schema up to date, or to migration `to` (tests build older stores so); several
 * instances starting at once take turns.
 */
export async function migrate(db: Kysely<unknown>, dialect: Dialect, to?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const migrator = new Migrator({ db, provider });
  const { error } = await (to ? migrator.migrateTo(to) : migrator.migrateToLatest());
  if (error) throw new Error(`cannot update the store's schema: ${(error as Error).message}`);
}
