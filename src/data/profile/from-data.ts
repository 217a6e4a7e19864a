// Profiling a data file. For CSV, TSV, Parquet and JSON Lines the heavy lifting happens inside
// DuckDB: per column, a GROUP BY returns the distinct values with their counts, in ascending order,
// and each distinct value then updates the sketches once, weighted by its count
// (ColumnSummary.addCounted). Real columns repeat values (codes, categories, integers, timestamps at
// a resolution), so this hands JS a small fraction of the rows. DuckDB's memory is capped; past the
// cap its aggregation and sorting spill to a temp folder, so files larger than memory profile.
// Arrow IPC files stream batch by batch into the same ProfileBuilder.
//
// The profile is the same whichever path made it (the same sketches, edges and hashes), so profiles
// of parts made either way merge. With `exact`, the distinct values and counts are also kept for
// comparisons that need the exact distribution (e.g. a KS statistic), up to EXACT_LIMIT per column.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ItemType } from '../../descriptors/vocabulary.js';
import { fromDuckDBError } from '../read/errors.js';
import { type DuckSource, openData, openSource, type ReadOptions, readsThroughDuckDB } from '../read/reader.js';
import { quoteIdent } from '../read/schema.js';
import { familyOf, type SketchOptions } from './column.js';
import { type Profile, ProfileBuilder } from './profile.js';

/** A column's exact distribution: numbers as ascending distinct values with counts, or labels with counts. */
export type ExactColumn =
  | { kind: 'numbers'; values: Float64Array; counts: Float64Array }
  | { kind: 'labels'; counts: Map<string, number> };

/** Distinct values per column kept for `exact`; a column with more keeps only its sketches. */
export const EXACT_LIMIT = 2_000_000;

export interface ProfileDataOptions extends ReadOptions, SketchOptions {
  /** Fixed histogram edges per column (see profile.ts). */
  edges?: Record<string, readonly number[]>;
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

/**
 * Collects a number column's distinct values and counts as an ORDER BY delivers them (ascending, so
 * no sort and no hash map), up to EXACT_LIMIT of them. Past the limit it hands what it had, and
 * then each value it is given, to `spill` (the quantile sketch).
 */
class AscendingCounts {
  private values = new Float64Array(1024);
  private counts = new Float64Array(1024);
  private size = 0;
  overflowed = false;

  constructor(
    private readonly spill: (values: Float64Array, counts: Float64Array) => void,
    private readonly limit = EXACT_LIMIT,
  ) {}

  add(key: number | string, count: number): void {
    const value = key as number;
    if (this.overflowed) {
      // The rest of the chunk that overflowed (later chunks go to the sketch directly).
      this.spill(Float64Array.of(value), Float64Array.of(count));
      return;
    }
    const last = this.size - 1;
    if (last >= 0 && this.values[last] === value) {
      // A conversion folded two stored values into one (e.g. "1" and "1.0" read as numbers).
      this.counts[last] = (this.counts[last] as number) + count;
      return;
    }
    if (last >= 0 && value < (this.values[last] as number)) throw new Error('distinct values arrived out of order');
    if (this.size === this.values.length) {
      const values = new Float64Array(this.size * 2);
      values.set(this.values);
      this.values = values;
      const counts = new Float64Array(this.size * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.values[this.size] = value;
    this.counts[this.size] = count;
    this.size++;
    if (this.size > this.limit) {
      this.spill(this.values.subarray(0, this.size), this.counts.subarray(0, this.size));
      this.overflowed = true;
      this.values = new Float64Array(0);
      this.counts = new Float64Array(0);
    }
  }

  result(): ExactColumn | undefined {
    if (this.overflowed) return undefined;
    return { kind: 'numbers', values: this.values.slice(0, this.size), counts: this.counts.slice(0, this.size) };
  }
}

/** The value a column's exact distribution keys on (numbers finite, labels as the profile counts them). */
function exactKey(value: unknown, numeric: boolean): number | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (numeric) return typeof value === 'number' && Number.isFinite(value) ? value + 0 : undefined;
  const text = String(value);
  return text.trim() === '' ? undefined : text;
}

async function run(source: DuckSource, sql: string): Promise<void> {
  try {
    await source.conn.run(sql);
  } catch (error) {
    throw fromDuckDBError(error, source.file);
  }
}

async function stream(source: DuckSource, sql: string) {
  try {
    return await source.conn.stream(sql);
  } catch (error) {
    throw fromDuckDBError(error, source.file);
  }
}

/** The next non-empty chunk of a result, or undefined at its end. */
async function fetch(source: DuckSource, result: Awaited<ReturnType<typeof stream>>) {
  try {
    const chunk = await result.fetchChunk();
    return chunk && chunk.rowCount > 0 ? chunk : undefined;
  } catch (error) {
    throw fromDuckDBError(error, source.file);
  }
}

async function aggregateProfile(source: DuckSource, options: ProfileDataOptions): Promise<ProfiledData> {
  const { conn, plans } = source;
  const builder = builderFor(source.columns, source.file, source.format, options);
  // Numbers: distinct values are kept (up to EXACT_LIMIT) to build the quantile sketch from the exact
  // distribution at the end, which beats compacting as they come; labels only when `exact` asks.
  const collectors = new Map<string, AscendingCounts | DistinctCounts>();
  for (const p of plans) {
    const family = familyOf(p.type);
    if (family === 'number' || family === 'datetime') {
      collectors.set(p.name, new AscendingCounts((v, c) => builder.addSortedCounts(p.name, v, c), options.exactLimit));
    } else if (options.exact && family !== 'opaque')
      collectors.set(p.name, new DistinctCounts(false, options.exactLimit));
  }
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
    if (source.format !== 'parquet') {
      await run(source, `CREATE TABLE rows AS ${table.slice(1, -1)}`);
      table = 'rows';
      progress?.(1 / steps);
    }
    // Every column exists in the profile even when no row reaches it (empty file, LIMIT 0).
    for (const p of plans) builder.addCountedColumn(p.name, [], []);
    // Group on the stored values and convert only the distinct ones (a conversion may fold several
    // stored values into one; the sketches add their counts), in ascending order for the quantile
    // sketch. Opaque columns (tensors, structs…) are only counted: grouped on whether a value is there.
    const queryOf = (p: (typeof plans)[number]): string => {
      const opaque = familyOf(p.type) === 'opaque';
      const key = opaque ? `(${quoteIdent(p.name)} IS NULL)` : quoteIdent(p.name);
      const value = opaque ? 'CASE WHEN k THEN NULL ELSE true END' : p.convert('k');
      return `SELECT ${value} AS v, n FROM (SELECT ${key} AS k, CAST(count(*) AS DOUBLE) AS n FROM ${table} GROUP BY k) ORDER BY v`;
    };
    // DuckDB aggregates the next column on a second connection while JS feeds the sketches this one.
    const connections = [conn, await source.connect()];
    const start = (i: number) => {
      const c = connections[i % 2] as typeof conn;
      const on = { ...source, conn: c };
      const started = stream(on, queryOf(plans[i] as (typeof plans)[number])).then(async (result) => ({
        result,
        first: await fetch(on, result),
        on,
      }));
      started.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      return started;
    };
    let next = plans.length ? start(0) : undefined;
    for (const [i, p] of plans.entries()) {
      const { result, first, on } = await (next as NonNullable<typeof next>);
      next = i + 1 < plans.length ? start(i + 1) : undefined;
      const distinct = collectors.get(p.name);
      const numeric = distinct instanceof AscendingCounts;
      for (let chunk = first; chunk; chunk = await fetch(on, result)) {
        const values = chunk.getColumnValues(0) as unknown[];
        const counts = chunk.getColumnValues(1) as number[];
        // Feed the sketches chunk by chunk, so memory holds one chunk of distinct values at a time.
        const collecting = distinct !== undefined && !distinct.overflowed;
        builder.addCountedColumn(p.name, values, counts, !(collecting && numeric));
        if (collecting) {
          values.forEach((v, j) => {
            const key = exactKey(v, numeric);
            if (key !== undefined) distinct.add(key, counts[j] as number);
          });
        }
      }
      progress?.((steps - plans.length + i + 1) / steps);
    }
    const exact = new Map<string, ExactColumn>();
    for (const [name, distinct] of collectors) {
      const e = distinct.result();
      if (e?.kind === 'numbers') builder.addSortedCounts(name, e.values, e.counts);
      if (e && options.exact) exact.set(name, e);
    }
    return { profile: builder.build(), exact };
  } finally {
    await rm(spill, { recursive: true, force: true });
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
