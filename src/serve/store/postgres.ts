// The shared store: a PostgreSQL database, for teams and for several monitor instances at once.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore } from './kysely-store.js';
import { migrate } from './migrations.js';
import type { Store } from './store.js';
import type { Tables } from './tables.js';

/** bigint columns (counters, arrival order) as numbers: exact up to 2^53, far beyond any count here. */
function typeParser(oid: number, format?: string) {
  if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format as 'text');
}

export async function openPostgres(url: string, instance?: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: { getTypeParser: typeParser } });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db as Kysely<unknown>, 'postgres');
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStore(db, 'postgres', instance);
}
