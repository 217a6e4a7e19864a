// Profiling a data file. For CSV, TSV, Parquet and JSON Lines the heavy lifting happens inside
// DuckDB, in one aggregate pass: a GROUP BY GROUPING SETS query returns every column's distinct values
// with their counts, and each distinct value then updates the sketches once, weighted by its count
// (ColumnSummary.addCounted). Real columns repeat values (codes, categories, integers, timestamps at
// a resolution), so this hands JS a small fraction of the rows, and DuckDB reads the file only once.
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

/** Columns per aggregate query (GROUPING() returns a bitmask, and very wide queries plan slowly). */
const COLUMNS_PER_QUERY = 48;

export interface ProfileDataOptions extends ReadOptions, SketchOptions {
  /** Fixed histogram edges per column (see profile.ts). */
  edges?: Record<string, readonly number[]>;
  /** Also return each column's exact distribution (see EXACT_LIMIT). */
  exact?: boolean;
  /** Distinct values kept per column; default EXACT_LIMIT. */
  exactLimit?: number;
  /** Called now and then with the fraction done (0–1) while DuckDB reads the file. */
  onProgress?: (fraction: number) => void;
  /** DuckDB's memory limit; beyond it, aggregation spills to a temp folder. Default `512MB`. */
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
  const timer = progress
    ? setInterval(() => {
        const p = conn.progress.percentage;
        if (p >= 0) progress(Math.min(1, p / 100));
      }, 200)
    : undefined;
  try {
    await conn.run(
      `SET memory_limit = '${(options.memoryLimit ?? '512MB').replace(/'/g, '')}'; ` +
        `SET temp_directory = '${spill.replace(/'/g, "''")}'; SET preserve_insertion_order = false; ` +
        `SET enable_progress_bar = ${progress ? 'true' : 'false'}; SET enable_progress_bar_print = false`,
    );
    const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    // Every column exists in the profile even when no row reaches it (empty file, LIMIT 0).
    for (const p of plans) builder.addCountedColumn(p.name, [], []);
    for (let first = 0; first < plans.length; first += COLUMNS_PER_QUERY) {
      const part = plans.slice(first, first + COLUMNS_PER_QUERY);
      // Group on the stored values and convert only the distinct ones afterwards (a conversion may
      // fold several stored values into one; the sketches add their counts). Opaque columns
      // (tensors, structs…) are only counted: grouped on whether the value is missing.
      const keys = part.map((p) =>
        familyOf(p.type) === 'opaque' ? `(${quoteIdent(p.name)} IS NULL)` : quoteIdent(p.name),
      );
      const converted = part.map((p, i) => (familyOf(p.type) === 'opaque' ? `k${i}` : p.convert(`k${i}`)));
      const sql =
        `WITH grouped AS (SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}, ` +
        `CAST(GROUPING(${keys.join(', ')}) AS INTEGER) AS g, CAST(count(*) AS DOUBLE) AS n ` +
        `FROM (SELECT * FROM ${source.sql}${limit}) GROUP BY GROUPING SETS (${keys.map((k) => `(${k})`).join(', ')})) ` +
        `SELECT ${converted.join(', ')}, g, n FROM grouped ORDER BY g, ${converted.map((_, i) => i + 1).join(', ')}`;
      const counted = part.map(() => ({ values: [] as unknown[], counts: [] as number[] }));
      let result: Awaited<ReturnType<typeof conn.stream>>;
      try {
        result = await conn.stream(sql);
      } catch (error) {
        throw fromDuckDBError(error, source.file);
      }
      // GROUPING() sets one bit per column not grouped on, the first column being the highest bit.
      const columnOf = new Map<number, number>();
      const all = 2 ** part.length - 1;
      part.forEach((_, i) => {
        columnOf.set(all - 2 ** (part.length - 1 - i), i);
      });
      for (;;) {
        let chunk: Awaited<ReturnType<typeof result.fetchChunk>>;
        try {
          chunk = await result.fetchChunk();
        } catch (error) {
          throw fromDuckDBError(error, source.file);
        }
        const rowCount = chunk?.rowCount ?? 0;
        if (!chunk || rowCount === 0) break;
        const g = chunk.getColumnValues(part.length) as number[];
        const n = chunk.getColumnValues(part.length + 1) as number[];
        const columns = new Map<number, unknown[]>();
        for (let r = 0; r < rowCount; r++) {
          const i = columnOf.get(g[r] as number) as number;
          let values = columns.get(i);
          if (!values) {
            values = chunk.getColumnValues(i) as unknown[];
            columns.set(i, values);
          }
          const slot = counted[i] as { values: unknown[]; counts: number[] };
          const plan = part[i] as (typeof part)[number];
          const value = familyOf(plan.type) === 'opaque' ? (values[r] ? null : true) : values[r];
          slot.values.push(value);
          slot.counts.push(n[r] as number);
        }
        // Feed the sketches chunk by chunk, so memory holds one chunk of distinct values at a time.
        counted.forEach((slot, i) => {
          if (slot.values.length === 0) return;
          const plan = part[i] as (typeof part)[number];
          const distinct = collectors.get(plan.name);
          const collecting = distinct !== undefined && !distinct.overflowed;
          const numeric = distinct instanceof AscendingCounts;
          builder.addCountedColumn(plan.name, slot.values, slot.counts, !(collecting && numeric));
          if (collecting) {
            slot.values.forEach((v, j) => {
              const key = exactKey(v, numeric);
              if (key !== undefined) distinct.add(key, slot.counts[j] as number);
            });
          }
          slot.values = [];
          slot.counts = [];
        });
      }
    }
    const exact = new Map<string, ExactColumn>();
    for (const [name, distinct] of collectors) {
      const e = distinct.result();
      if (e?.kind === 'numbers') builder.addSortedCounts(name, e.values, e.counts);
      if (e && options.exact) exact.set(name, e);
    }
    return { profile: builder.build(), exact };
  } finally {
    if (timer) clearInterval(timer);
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
