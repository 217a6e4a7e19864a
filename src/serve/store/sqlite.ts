// The embedded store: one SQLite file, by default `<system folder>/.dovetail/dovetail.sqlite`.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyStore } from './kysely-store.js';
import { migrate } from './migrations.js';
import type { Store } from './store.js';
import type { Tables } from './tables.js';

export async function openSqlite(file: string): Promise<Store> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  // WAL lets readers run beside the writer; synchronous=FULL syncs the WAL at every commit, so an
  // acknowledged batch survives a crash of the process and of the machine.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  // Another process on the same file (a second `serve`, a backup) waits instead of failing.
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  await migrate(db as Kysely<unknown>, 'sqlite');
  return new KyselyStore(db, 'sqlite');
}
