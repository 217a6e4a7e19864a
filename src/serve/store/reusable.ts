// Queries Kysely builds and compiles once, then runs again with other values. Building and compiling
// a small insert costs Kysely about as much time as SQLite takes to run it, and every commit of the
// ingest path runs the same three statements.
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';

/** A database or a transaction: what runs a compiled query. */
type Runner = Pick<Kysely<unknown>, 'executeQuery'>;

/** Runs the query on `db` (a transaction, usually) with these values. */
export type Reusable<P extends readonly unknown[], R> = (db: Runner, ...values: P) => Promise<QueryResult<R>>;

/**
 * The query `compile(...sample)` gives, run with other values in the sample's places. The sample's
 * values must be distinct and the compiled query must take each once, in the order given: checked
 * here, so that a query whose values Kysely reorders, repeats or inlines fails when the store opens
 * rather than storing values in the wrong columns.
 */
export function reusable<P extends readonly unknown[], R>(
  compile: (...values: P) => CompiledQuery<R>,
  sample: P,
): Reusable<P, R> {
  const compiled = compile(...sample);
  const { parameters } = compiled;
  const inOrder =
    new Set(sample).size === sample.length &&
    parameters.length === sample.length &&
    parameters.every((p, i) => p === sample[i]);
  if (!inOrder)
    throw new Error(`the query "${compiled.sql}" does not take its ${sample.length} values once each, in order`);
  return (db, ...values) => db.executeQuery<R>({ ...compiled, parameters: values });
}
