// Opens the store a `--db` value names: a postgres:// URL, or the path of an SQLite file.
import type { Store } from './store.js';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The dialect's driver is loaded only when it is used. */
export async function openStore(db: string): Promise<Store> {
  if (isPostgresUrl(db)) return (await import('./postgres.js')).openPostgres(db);
  return (await import('./sqlite.js')).openSqlite(db);
}
