// The thread that runs the SQLite store (see sqlite.ts): opens the file, brings its schema up to
// date and answers the calls of the ThreadStore that started it.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database, { type Statement } from 'better-sqlite3';

import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { KyselyStore } from './kysely-store.js';
import { migrate } from './migrations.js';
import type { Tables } from './tables.js';
import { serveStore } from './thread-store.js';

/** Statements kept compiled, the most recently used ones. */
const STATEMENTS = 200;

/**
 * The database as Kysely sees it, with compiled statements kept: Kysely prepares every query, and
 * compiling one costs about as much as running it; the ingest path runs the same few texts.
 * Statements are run to completion one at a time (Kysely's single connection), so sharing is safe.
 */
function keepingStatements(database: Database.Database): SqliteDatabase {
  const kept = new Map<string, Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = kept.get(sql);
      if (statement) kept.delete(sql);
      else statement = database.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > STATEMENTS) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}

async function open(file: string, instance: string | undefined): Promise<KyselyStore> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  // WAL lets readers run beside the writer; synchronous=FULL syncs the WAL at every commit, so an
  // acknowledged batch survives a crash of the process and of the machine.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  // Another process on the same file (a second `serve`, a backup) waits instead of failing.
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) });
  try {
    await migrate(db as Kysely<unknown>, 'sqlite');
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStore(db, 'sqlite', instance);
}

if (parentPort) {
  const { file, instance } = workerData as { file: string; instance?: string };
  serveStore(parentPort, () => open(file, instance));
}
