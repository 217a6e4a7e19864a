// Opens the store a `--db` value names: a postgres:// URL, or the path of an SQLite file.
import type { Store } from './store.js';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * The dialect's driver is loaded only when it is used. `instance` names this instance of the service
 * (several may share one database); without it the instance gets a random id.
 */
export async function openStore(db: string, instance?: string): Promise<Store> {
  if (isPostgresUrl(db)) return (await import('./postgres.js')).openPostgres(db, instance);
  return (await import('./sqlite.js')).openSqlite(db, instance);
}
