// The threads of the SQLite store (see sqlite.ts). The store's thread opens the file, brings its
// schema up to date and answers the calls of the ThreadStore that started it. Beside it, a thread of
// checkpoints copies what commits appended to the write-ahead log into the database file.
import { closeSync, mkdirSync, openSync, readlinkSync, readSync } from 'node:fs';
import { endianness, setPriority } from 'node:os';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database, { type Statement } from 'better-sqlite3';

import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { KyselyStore } from './kysely-store.js';
import { migrate } from './migrations.js';
import { moduleWorker } from './module-worker.js';
import type { Tables } from './tables.js';
import { serveStore } from './thread-store.js';

/** Statements kept compiled, the most recently used ones. */
const STATEMENTS = 200;
/** How often the thread of checkpoints looks at the log. */
const LOOK_EVERY_MS = 50;
/**
 * Pages in the log, not yet copied, that make the thread of checkpoints copy them: SQLite's own
 * default. A checkpoint syncs two files, so fewer, larger ones cost less.
 */
const CHECKPOINT_PAGES = 1000;
/**
 * Pages in the log past which a commit checkpoints itself (SQLite's automatic checkpoint), should the
 * thread of checkpoints fall behind; about 64 MiB with 4 KiB pages.
 */
const LOG_PAGES_AT_MOST = 16_384;

type Role = { role: 'store'; file: string; instance?: string } | { role: 'checkpoints'; file: string };

/**
 * The database as Kysely sees it, with compiled statements kept: Kysely prepares every query, and
 * compiling one costs about as much as running it; the ingest path runs the same few texts.
 * Statements are run to completion one at a time (Kysely's single connection), so sharing is safe.
 */
function keepingStatements(database: Database.Database, close: () => void): SqliteDatabase {
  const kept = new Map<string, Statement>();
  return {
    close,
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
  // A checkpoint made by a commit holds up every commit behind it: under load it took a fifth of
  // this thread's time. The thread of checkpoints makes them beside the commits instead.
  database.pragma(`wal_autocheckpoint = ${LOG_PAGES_AT_MOST}`);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: keepingStatements(database, close) }) });
  let checkpoints: ReturnType<typeof moduleWorker> | undefined;
  function close() {
    checkpoints?.postMessage('stop');
    database.close();
  }
  try {
    await migrate(db as Kysely<unknown>, 'sqlite');
  } catch (e) {
    await db.destroy();
    throw e;
  }
  checkpoints = moduleWorker(import.meta.url, 'sqlite-thread', { role: 'checkpoints', file } satisfies Role);
  checkpoints.on('error', (e) => reportCheckpointFailure(file, e));
  checkpoints.unref();
  return new KyselyStore(db, 'sqlite', instance);
}

/**
 * Gives this thread the lowest CPU priority (Linux sets it per thread): checkpoints take the time
 * the other threads leave, and never delay the answers, which they did on a busy machine. Kept from
 * them too long, they are made by the commits (past LOG_PAGES_AT_MOST).
 */
function lowestPriority(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(thread)) setPriority(thread, 19);
  } catch {
    // Not Linux: the thread keeps the process's priority.
  }
}

let checkpointFailed = false;

/** Said once: the commits' own checkpoints (past LOG_PAGES_AT_MOST) keep the log bounded meanwhile. */
function reportCheckpointFailure(file: string, e: unknown): void {
  if (checkpointFailed) return;
  checkpointFailed = true;
  const why = e instanceof Error ? e.message : String(e);
  process.stderr.write(`dovetail serve: checkpoints of ${file} failed (${why}); commits will make them, later\n`);
}

/**
 * Pages of the log no checkpoint has copied yet, read from the header of its index, the `-shm` file
 * (https://www.sqlite.org/walformat.html: mxFrame at byte 16, nBackfill at byte 96, in the machine's
 * byte order); a torn read only makes one checkpoint come early or late.
 */
function pagesToCopy(index: number, header: Buffer): number {
  if (readSync(index, header, 0, 100, 0) < 100) return 0;
  const u32 = (at: number) => (endianness() === 'LE' ? header.readUInt32LE(at) : header.readUInt32BE(at));
  return u32(16) - u32(96);
}

/**
 * Checkpoints `file` whenever its log holds CHECKPOINT_PAGES not yet copied, until told to stop. A
 * passive checkpoint copies the pages committed so far and waits for no one.
 */
function checkpoint(file: string): void {
  lowestPriority();
  const database = new Database(file);
  // The database file is synced once its pages are copied, before the log may be reused.
  database.pragma('synchronous = FULL');
  // The store's thread opened the file in WAL mode, so its index exists.
  const index = openSync(`${file}-shm`, 'r');
  const header = Buffer.alloc(100);
  const timer = setInterval(() => {
    try {
      if (pagesToCopy(index, header) >= CHECKPOINT_PAGES) database.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      reportCheckpointFailure(file, e);
    }
  }, LOOK_EVERY_MS);
  parentPort?.once('message', () => {
    clearInterval(timer);
    closeSync(index);
    database.close();
    parentPort?.close();
  });
}

if (parentPort) {
  const role = workerData as Role;
  if (role.role === 'checkpoints') checkpoint(role.file);
  else serveStore(parentPort, () => open(role.file, role.instance));
}
