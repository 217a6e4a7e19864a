// Queries compiled once and run again with other values: each run's values land in the places of
// the sample's, and a query that would put them elsewhere is refused when it is made.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { reusable } from '../../src/serve/store/reusable.js';

interface Pairs {
  pairs: { a: string; b: number };
}

describe('reusable', () => {
  const db = new Kysely<Pairs>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  after(() => db.destroy());

  it('runs the compiled query with each run’s values in their places', async () => {
    await db.schema.createTable('pairs').addColumn('a', 'text').addColumn('b', 'integer').execute();
    const insert = reusable((a: string, b: number) => db.insertInto('pairs').values({ a, b }).compile(), ['x', 1]);
    await insert(db, 'first', 10);
    await db.transaction().execute((trx) => insert(trx, 'second', 20));
    const select = reusable(
      (b: number, a: string) => db.selectFrom('pairs').select('a').where('b', '>', b).where('a', '!=', a).compile(),
      [0, 'x'],
    );
    assert.deepEqual((await select(db, 5, 'second')).rows, [{ a: 'first' }]);
    assert.deepEqual((await select(db, 15, 'none')).rows, [{ a: 'second' }]);
  });

  it('refuses a query that takes a value twice, inlines one, or takes them out of order', () => {
    assert.throws(
      () => reusable((a: string) => sql`select ${a} = ${a}`.compile(db), ['x']),
      /does not take its 1 values once each, in order/,
    );
    assert.throws(() => reusable((a: string) => sql`select ${sql.lit(a)}`.compile(db), ['x']), /once each/);
    assert.throws(() => reusable((a: string, b: string) => sql`select ${b}, ${a}`.compile(db), ['x', 'y']), /in order/);
    // Equal sample values could not tell their places apart.
    assert.throws(() => reusable((a: number, b: number) => sql`select ${a}, ${b}`.compile(db), [1, 1]), /once each/);
  });
});
