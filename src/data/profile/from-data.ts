// Profiling a data file. For CSV, TSV, Parquet and JSON Lines the heavy lifting happens inside
// DuckDB: per column, a GROUP BY gives the distinct values with their counts. A number or datetime
// column's come to JS sorted, read at once as typed arrays, for ColumnSummary.addSortedNumbers; past
// EXACT_LIMIT distinct values it is summarized in DuckDB instead (numbersInDuckDB: moments, histogram
// bins, the quantile sketch's items, HyperLogLog registers of whole numbers). Text and boolean
// columns stream theirs to ColumnSummary.addCounted. Either way each sketch is updated once per
// value, weighted by its count: real columns repeat values (codes, categories, timestamps at a
// resolution), so JS sees a small fraction of the rows. DuckDB's memory is capped; past the cap its aggregation
// and sorting spill to a temp folder, so files larger than memory profile. Arrow IPC files stream
// batch by batch into the same ProfileBuilder.
//
// The profile is the same whichever path made it (the same sketches, edges and hashes; tested), so
// profiles of parts made either way merge. With `exact`, the distinct values and counts are also kept
// for comparisons that need the exact distribution (e.g. a KS statistic), up to EXACT_LIMIT per column.
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBDoubleVector } from '@duckdb/node-api';
import type { ItemType } from '../../descriptors/vocabulary.js';
import { fromDuckDBError } from '../read/errors.js';
import { type DuckSource, openData, openSource, type ReadOptions, readsThroughDuckDB } from '../read/reader.js';
import { quoteIdent } from '../read/schema.js';
import { keyOf } from '../sketch/frequent.js';
import { registersSql } from '../sketch/integer-hash.js';
import { KllSketch } from '../sketch/kll.js';
import { Moments } from '../sketch/moments.js';
import { type ColumnSummary, familyOf, type SketchOptions } from './column.js';
import type { GridHistogram } from './grid.js';
import { type Profile, ProfileBuilder } from './profile.js';

/** A column's exact distribution: numbers as ascending distinct values with counts, or labels with counts. */
export type ExactColumn =
  | { kind: 'numbers'; values: Float64Array; counts: Float64Array }
  | { kind: 'labels'; counts: Map<string, number> };

/** Distinct values per column kept for `exact`; a column with more keeps only its sketches. */
export const EXACT_LIMIT = 2_000_000;

export interface ProfileDataOptions extends ReadOptions, SketchOptions {
  /** Also return each column's exact distribution (see EXACT_LIMIT). */
  exact?: boolean;
  /** Distinct values kept per column; default EXACT_LIMIT. */
  exactLimit?: number;
  /** Called now and then with the fraction done (0–1) while DuckDB reads the file. */
  onProgress?: (fraction: number) => void;
  /** DuckDB's memory limit; beyond it, aggregation spills to a temp folder. Default `256MB`. */
  memoryLimit?: string;
  /** Creation time to record (ISO 8601); default now. */
  created?: string;
}

export interface ProfiledData {
  profile: Profile;
  /** Exact distributions by column name (only with `exact`). */
  exact: Map<string, ExactColumn>;
}

/** Profiles a data file (`-`: JSON Lines on standard input). Throws DataReadError for unreadable input. */
export async function profileData(file: string, options: ProfileDataOptions = {}): Promise<ProfiledData> {
  if (!readsThroughDuckDB(file, options)) return streamProfile(file, options);
  const source = await openSource(file, options);
  try {
    return await aggregateProfile(source, options);
  } finally {
    await source.close();
  }
}

function builderFor(columns: { name: string; type: ItemType }[], file: string, format: string, o: ProfileDataOptions) {
  return new ProfileBuilder({
    ...o,
    types: Object.fromEntries(columns.map((c) => [c.name, c.type])),
    source: { path: file, format },
  });
}

/** Collects a column's distinct values and counts in any order, dropping them past EXACT_LIMIT. */
class DistinctCounts {
  private readonly counts = new Map<number | string, number>();
  overflowed = false;

  constructor(
    readonly numeric: boolean,
    private readonly limit = EXACT_LIMIT,
  ) {}

  add(value: number | string, count: number): void {
    if (this.overflowed) return;
    this.counts.set(value, (this.counts.get(value) ?? 0) + count);
    if (this.counts.size > this.limit) {
      this.overflowed = true;
      this.counts.clear();
    }
  }

  result(): ExactColumn | undefined {
    if (this.overflowed) return undefined;
    if (!this.numeric) return { kind: 'labels', counts: this.counts as Map<string, number> };
    const values = Float64Array.from(this.counts.keys() as Iterable<number>).sort();
    const counts = Float64Array.from(values, (v) => this.counts.get(v) as number);
    return { kind: 'numbers', values, counts };
  }
}

/** The value a column's exact distribution keys on (numbers finite, labels as the profile counts them). */
function exactKey(value: unknown, numeric: boolean): number | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (numeric) return typeof value === 'number' && Number.isFinite(value) ? value + 0 : undefined;
  const text = String(value);
  return text.trim() === '' ? undefined : keyOf(text);
}

/** A connection, and the file its errors are about. */
type At = { conn: DuckDBConnection; file: string };

async function run(at: At, sql: string) {
  try {
    return await at.conn.runAndReadAll(sql);
  } catch (error) {
    throw fromDuckDBError(error, at.file);
  }
}

async function stream(source: At, sql: string) {
  try {
    return await source.conn.stream(sql);
  } catch (error) {
    throw fromDuckDBError(error, source.file);
  }
}

/** The next non-empty chunk of a result, or undefined at its end. */
async function fetch(source: At, result: Awaited<ReturnType<typeof stream>>) {
  try {
    const chunk = await result.fetchChunk();
    return chunk && chunk.rowCount > 0 ? chunk : undefined;
  } catch (error) {
    throw fromDuckDBError(error, source.file);
  }
}

/**
 * The values `v` and counts `n` of `query` (a number or datetime column) in ascending order, NaN
 * standing for no value, read at once as typed arrays (no round trip to DuckDB's thread per chunk,
 * no JS value per row); undefined when there are more than `limit`, of which none is kept.
 */
async function sortedNumbers(at: At, query: string, limit: number): Promise<[Float64Array, Float64Array] | undefined> {
  let result: Awaited<ReturnType<DuckDBConnection['run']>>;
  try {
    result = await at.conn.run(
      `SELECT coalesce(CAST(v AS DOUBLE), CAST('nan' AS DOUBLE)) AS v, n FROM (${query}) ORDER BY v LIMIT ${limit + 1}`,
    );
  } catch (error) {
    throw fromDuckDBError(error, at.file);
  }
  const chunks = Array.from({ length: result.chunkCount }, (_, i) => result.getChunk(i));
  const size = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
  if (size > limit) return undefined;
  const values = new Float64Array(size);
  const counts = new Float64Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    values.set(doubles(chunk.getColumnVector(0) as DuckDBDoubleVector), offset);
    counts.set(doubles(chunk.getColumnVector(1) as DuckDBDoubleVector), offset);
    offset += chunk.rowCount;
  }
  return [values, counts];
}

/**
 * A DOUBLE vector without nulls as a Float64Array: the array DuckDB's vector holds, where the library
 * keeps one (its `items`; reading item by item checks each item's validity, BigInt arithmetic that
 * cost 13 ms of the 100 profiling the flights took), else read item by item.
 */
function doubles(vector: DuckDBDoubleVector): Float64Array {
  const items = (vector as unknown as { items?: unknown }).items;
  if (items instanceof Float64Array && items.length === vector.itemCount) return items;
  return Float64Array.from({ length: vector.itemCount }, (_, i) => vector.getItem(i) ?? Number.NaN);
}

/** The one-row result of a query as a record of numbers (null for SQL NULL). */
async function row(conn: DuckDBConnection, file: string, sql: string): Promise<Record<string, number | null>> {
  const reader = await run({ conn, file }, sql);
  const names = reader.columnNames();
  const values = reader.getRows()[0] ?? [];
  return Object.fromEntries(names.map((name, i) => [name, values[i] === null ? null : Number(values[i])]));
}

async function rows(conn: DuckDBConnection, file: string, sql: string): Promise<unknown[][]> {
  return (await run({ conn, file }, sql)).getRows();
}

const SAFE = 'isfinite(v) AND v = trunc(v) AND abs(v) <= 9007199254740991';

/**
 * A number (or datetime) column summarized inside DuckDB from `d`, its values with their counts (a
 * value may come in several rows, each counted): counts, moments (two passes, so centred sums stay
 * accurate), the grid histogram (its level depends on min and max only, so JS picks it and DuckDB
 * bins), the quantile sketch from the exact ranks (KllSketch.rankPlan), and HyperLogLog registers of the whole numbers (integer-hash.ts);
 * only values that are not whole numbers come to JS, to be hashed as text. The result is the summary
 * ColumnSummary.addCounted would build from the same values (tested).
 */
async function numbersInDuckDB(conn: DuckDBConnection, file: string, c: ColumnSummary): Promise<void> {
  const { hll, moments, hist } = c as Required<ColumnSummary>;
  const t = await row(
    conn,
    file,
    `SELECT sum(n) AS total, sum(n) FILTER (WHERE v IS NULL OR isnan(v)) AS missing,
       sum(n) FILTER (WHERE v = 'inf'::DOUBLE) AS over, sum(n) FILTER (WHERE v = '-inf'::DOUBLE) AS under,
       sum(n) FILTER (WHERE isfinite(v)) AS finite, min(v) FILTER (WHERE isfinite(v)) AS lo,
       max(v) FILTER (WHERE isfinite(v)) AS hi, sum(n * v) FILTER (WHERE isfinite(v)) AS s1 FROM d`,
  );
  const n = t.finite ?? 0;
  // -0 is the value 0, as everywhere in profiles.
  if (t.lo !== null && t.lo !== undefined) t.lo += 0;
  if (t.hi !== null && t.hi !== undefined) t.hi += 0;
  c.count += t.total ?? 0;
  c.missing += t.missing ?? 0;
  const infinite = (t.over ?? 0) + (t.under ?? 0);
  if (n > 0) {
    const mean = (t.s1 as number) / n;
    const m = await row(
      conn,
      file,
      `SELECT sum(n * e * e) AS m2, sum(n * e * e * e) AS m3, sum(n * e * e * e * e) AS m4
       FROM (SELECT n, v - ${mean} AS e FROM d WHERE isfinite(v))`,
    );
    c.moments = Moments.fromJSON({
      ...moments.toJSON(),
      n,
      infinite,
      min: t.lo ?? null,
      max: t.hi ?? null,
      mean,
      m2: m.m2 ?? 0,
      m3: m.m3 ?? 0,
      m4: m.m4 ?? 0,
    });
    const grid = hist as GridHistogram;
    grid.add(t.lo as number, 0).add(t.hi as number, 0);
    const width = 2 ** grid.level;
    for (const [bin, count] of await rows(
      conn,
      file,
      `SELECT floor(v / CAST('${width}' AS DOUBLE)) AS b, sum(n) FROM d WHERE isfinite(v) GROUP BY b`,
    )) {
      grid.add((Number(bin) + 0.5) * width, Number(count));
    }
    const plan = KllSketch.rankPlan(n, c.kll?.k ?? 200);
    const block = 2 ** plan.top;
    const half = Math.floor(block / 2);
    const ranks = plan.remainder.map((r) => r.rank);
    const top: number[] = [];
    const rest: number[] = [];
    // One pass over the values in order: each covers ranks [hi - n, hi); it is the item of every top
    // block whose middle rank it covers, and of every remainder rank it covers.
    for (const [v, times, covered] of await rows(
      conn,
      file,
      `SELECT v, least(ceil((hi - ${half}) / ${block}), ${plan.full}) - greatest(ceil((hi - n - ${half}) / ${block}), 0) AS m,
         list_filter([${ranks.join(', ')}]::DOUBLE[], r -> hi - n <= r AND r < hi) AS rest
       FROM (SELECT v, n, sum(n) OVER (ORDER BY v ROWS UNBOUNDED PRECEDING) AS hi FROM d WHERE isfinite(v))
       WHERE m > 0 OR len(rest) > 0 ORDER BY v`,
    )) {
      for (let i = 0; i < Number(times); i++) top.push(Number(v) + 0);
      for (const _ of (covered as { items: unknown[] }).items) rest.push(Number(v) + 0);
    }
    c.kll = KllSketch.fromRanks(plan, top, rest, t.lo as number, t.hi as number, {
      k: c.kll?.k,
      seed: c.kll?.toJSON().rng,
    });
  }
  const grid = hist as GridHistogram;
  grid.overflow += t.over ?? 0;
  grid.underflow += t.under ?? 0;
  for (const [register, rank] of await rows(
    conn,
    file,
    `SELECT register, max(rank) FROM (${registersSql(`(SELECT v FROM d WHERE ${SAFE})`, hll.p)}) GROUP BY register`,
  )) {
    const r = Number(register);
    if (Number(rank) > (hll.registers[r] as number)) hll.registers[r] = Number(rank);
  }
  // Values that are not whole numbers are hashed as text, here.
  const others = await stream({ conn, file }, `SELECT v FROM d WHERE NOT isnan(v) AND NOT (${SAFE})`);
  for (let chunk = await fetch({ conn, file }, others); chunk; chunk = await fetch({ conn, file }, others)) {
    for (const v of chunk.getColumnValues(0) as number[]) hll.add(v);
  }
}

async function aggregateProfile(source: DuckSource, options: ProfileDataOptions): Promise<ProfiledData> {
  const { conn, plans, file } = source;
  const builder = builderFor(source.columns, source.file, source.format, options);
  const spill = await mkdtemp(join(tmpdir(), 'dovetail-duckdb-'));
  const progress = options.onProgress;
  try {
    await conn.run(
      `SET memory_limit = '${(options.memoryLimit ?? '256MB').replace(/'/g, '')}'; ` +
        `SET temp_directory = '${spill.replace(/'/g, "''")}'; SET preserve_insertion_order = false; ` +
        'SET enable_progress_bar_print = false',
    );
    const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    // Parquet is columnar: each column's query reads that column only. Row formats are parsed once
    // into a table (columnar too, spilled past the memory limit) instead of once per column.
    let table = `(SELECT * FROM ${source.sql}${limit})`;
    const steps = plans.length + (source.format === 'parquet' ? 0 : 1);
    let done = 0;
    if (source.format !== 'parquet') {
      await run(source, `CREATE TABLE rows AS ${table.slice(1, -1)}`);
      table = 'rows';
      progress?.(++done / steps);
    }
    // Every column exists in the profile even when no row reaches it (empty file, LIMIT 0).
    for (const p of plans) builder.addCountedColumn(p.name, [], []);
    const exact = new Map<string, ExactColumn>();

    /**
     * One column: its stored values grouped, then summarized. A number column read at once is
     * summarized by the function returned, which runs while DuckDB works on the next column.
     */
    const profileColumn = async (p: (typeof plans)[number]): Promise<(() => void) | undefined> => {
      const at = { conn, file };
      const family = familyOf(p.type);
      // Group on the stored values, then convert only the distinct ones. Opaque columns (tensors,
      // structs…) are only counted: grouped on whether a value is there.
      const key = family === 'opaque' ? `(${quoteIdent(p.name)} IS NULL)` : quoteIdent(p.name);
      const value = family === 'opaque' ? 'CASE WHEN k THEN NULL ELSE true END' : p.convert('k');
      const grouped = `SELECT ${key} AS k, CAST(count(*) AS DOUBLE) AS n FROM ${table} GROUP BY k`;
      const summary = builder.columnSummary(p.name);
      const limit = options.exactLimit ?? EXACT_LIMIT;
      // A conversion may fold several stored values into one (a timestamp in µs to epoch ms): numbers
      // are folded as they arrive in order (addSortedNumbers) or summed over in DuckDB, other values
      // grouped again here.
      if (family === 'number' || family === 'datetime') {
        // Up to the limit, distinct values come to JS in ascending order: fetching them costs less than
        // summarizing them in SQL, and the quantile sketch is built from them exactly. Beyond it, the
        // column is grouped again into a table and summarized in DuckDB, through a view: a second
        // table as large would double the memory the largest columns take.
        const sorted = await sortedNumbers(at, `SELECT ${value} AS v, n FROM (${grouped})`, limit);
        if (sorted) {
          return () => {
            const e = summary.addSortedNumbers(...sorted);
            if (options.exact) exact.set(p.name, { kind: 'numbers', ...e });
          };
        }
        await run(at, `CREATE OR REPLACE TEMP TABLE g AS ${grouped}`);
        await run(at, `CREATE OR REPLACE TEMP VIEW d AS SELECT ${value} AS v, n FROM g`);
        await numbersInDuckDB(conn, file, summary);
        return undefined;
      }
      const collector = options.exact && family !== 'opaque' ? new DistinctCounts(false, limit) : undefined;
      const result = await stream(
        at,
        value === 'k'
          ? `${grouped} ORDER BY k`
          : `SELECT ${value} AS v, sum(n) AS n FROM (${grouped}) GROUP BY v ORDER BY v`,
      );
      for (let chunk = await fetch(at, result); chunk; chunk = await fetch(at, result)) {
        const values = chunk.getColumnValues(0) as unknown[];
        const counts = chunk.getColumnValues(1) as number[];
        summary.addCounted(values, counts);
        if (collector) {
          values.forEach((v, j) => {
            const key = exactKey(v, false);
            if (key !== undefined) collector.add(key, counts[j] as number);
          });
        }
      }
      const e = collector?.result();
      if (e && options.exact) exact.set(p.name, e);
      return undefined;
    };

    // One column after the other, each query using every core; the JS summary of one column runs
    // while DuckDB groups the next (two connections side by side were no faster, and took more memory).
    let finish: (() => void) | undefined;
    for (const p of plans) {
      const column = profileColumn(p);
      finish?.();
      finish = await column;
      progress?.(++done / steps);
    }
    finish?.();
    // In the columns' order: a number column's is set after the next column's query.
    const ordered = plans.flatMap((p) => {
      const e = exact.get(p.name);
      return e ? [[p.name, e] as const] : [];
    });
    return { profile: builder.build(), exact: new Map(ordered) };
  } finally {
    // Synchronously: the thread pool may still be busy with DuckDB's last work, and an empty folder
    // (the usual case: nothing spilled) goes at once.
    rmSync(spill, { recursive: true, force: true });
  }
}

/** The streaming path (Arrow IPC): batches of rows into the builder, exact counts collected in JS. */
async function streamProfile(file: string, options: ProfileDataOptions): Promise<ProfiledData> {
  const reader = await openData(file, options);
  try {
    const builder = builderFor(reader.columns, reader.file, reader.format, options);
    const collectors = new Map<string, DistinctCounts>();
    if (options.exact) {
      for (const c of reader.columns) {
        const family = familyOf(c.type);
        if (family !== 'opaque')
          collectors.set(c.name, new DistinctCounts(family === 'number' || family === 'datetime', options.exactLimit));
      }
    }
    for await (const batch of reader) {
      builder.addBatch({ columns: batch.columns });
      for (const [name, exact] of collectors) {
        for (const v of batch.columns.get(name) ?? []) {
          const key = exactKey(v, exact.numeric);
          if (key !== undefined) exact.add(key, 1);
        }
      }
    }
    const exact = new Map<string, ExactColumn>();
    for (const [name, c] of collectors) {
      const e = c.result();
      if (e) exact.set(name, e);
    }
    return { profile: builder.build(), exact };
  } finally {
    await reader.close();
  }
}
