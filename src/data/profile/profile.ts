// Profiles: a versioned, compact, mergeable JSON summary of a data set, column by column (DESIGN §2, §6).
//
//   { dovetail_profile: 1, created, source?: {...}, rows, columns: { [name]: ColumnProfile } }
//
// Per column: canonical item type, count (= rows), missing, invalid, a distinct estimate (HLL), and
//   numbers and datetimes (epoch ms): min/max/mean/variance (Moments), a KLL quantile sketch with its
//     stated rank-error bound, and a histogram on fixed edges;
//   booleans, categories, strings: frequent values with counts (exact up to the cap).
// The schema, and loading with diagnostics, are in schema.ts; merging in merge.ts.
//
// HISTOGRAM EDGES. A histogram merges exactly only if every part bins on the same edges, and those
// edges cannot depend on which part (or which first batch) the builder saw. Two modes:
//  1. Caller edges (`edges` option, e.g. `edgesFrom(referenceProfile)`): every profile built with the
//     same edges has a `Histogram` on exactly those edges (values outside go to underflow/overflow);
//     merging adds counts. This is the mode for comparing current data with a reference.
//  2. Default: a pinned power-of-two lattice (grid.ts). The bin width is 2^ℓ with ℓ the smallest level
//     (above a type's floor) at which [min, max] spans at most `maxBins` bins. Because the lattices are
//     nested and ℓ depends on the data only through min, max and magnitudes, the histogram of a merge
//     is bit for bit the histogram of the whole, in any split and any order; edges are recorded in
//     the JSON together with the lattice parameters.
// A histogram of mode 1 and one of mode 2 do not merge (clear error). Quantile-based edges (from the
// KLL sketch) are offered by `quantileEdges` for building the caller edges of mode 1.
//
// Guarantee (tested in test/data/profile): merging the profiles of parts equals profiling the whole
// exactly for count/missing/invalid, min/max, histograms, HLL registers (so the distinct estimate) and
// frequent values while under the cap; moments up to floating-point rounding (Chan/Pébay merge);
// quantiles within the stated KLL bound (the sketch itself differs bit for bit).
import type { ItemType } from '../../descriptors/vocabulary.js';
import { KllSketch } from '../sketch/kll.js';
import { ColumnSummary, canonicalType, type SketchOptions } from './column.js';
import type { ColumnProfileJSON, ProfileJSON } from './schema.js';

export type { ColumnProfileJSON, ProfileJSON } from './schema.js';
export { loadProfile, PROFILE_VERSION, ProfileError, parseProfile, profileSchema, validateProfile } from './schema.js';

export type Profile = ProfileJSON;
export type ColumnProfile = ColumnProfileJSON;

export interface ProfileOptions extends SketchOptions {
  /** Fixed histogram edges per column (mode 1 above). Columns not listed use the default grid. */
  edges?: Record<string, readonly number[]> | Map<string, readonly number[]>;
  /** Declared column types (any spelling itemTypes knows); otherwise inferred per batch (see addBatch). */
  types?: Record<string, string> | Map<string, string>;
  /** Recorded as `source` (e.g. {path, format}). */
  source?: Record<string, unknown>;
  /** Creation time to record (ISO 8601); default now. */
  created?: string;
}

export interface Batch {
  columns: Map<string, readonly unknown[]> | Record<string, readonly unknown[]>;
  /** Types for this batch's columns (take precedence over inference). */
  types?: Map<string, string> | Record<string, string>;
}

function entries<T>(m: Map<string, T> | Record<string, T> | undefined): [string, T][] {
  if (!m) return [];
  return m instanceof Map ? [...m] : Object.entries(m);
}

/**
 * Type of an undeclared column, from its first present value. Numbers are `float` (whether a column is
 * integer cannot be decided from one batch without making the result depend on the batch order).
 */
export function inferType(values: readonly unknown[]): ItemType | undefined {
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    if (typeof v === 'number') return 'float';
    if (typeof v === 'bigint') return 'integer';
    if (typeof v === 'boolean') return 'boolean';
    if (v instanceof Date) return 'datetime';
    if (typeof v === 'string') {
      if (v.trim() === '') continue;
      return 'string';
    }
    return 'other';
  }
  return undefined;
}

/** Builds a profile from columns of values, batch by batch. */
export class ProfileBuilder {
  private readonly columns = new Map<string, ColumnSummary>();
  private readonly edges: Map<string, readonly number[]>;
  private readonly types: Map<string, string>;
  private rows = 0;

  constructor(private readonly options: ProfileOptions = {}) {
    this.edges = new Map(entries(options.edges));
    this.types = new Map(entries(options.types));
  }

  private column(name: string, type: string | undefined): ColumnSummary {
    const declared = type ?? this.types.get(name);
    let c = this.columns.get(name);
    if (!c) {
      if (declared === undefined) throw new Error(`column "${name}": no type given and none could be inferred`);
      c = ColumnSummary.create(name, canonicalType(declared), this.options, this.edges.get(name));
      this.columns.set(name, c);
      return c;
    }
    if (declared !== undefined) {
      const t = canonicalType(declared);
      if (t !== c.type) throw new Error(`column "${name}": type ${t} given, but the column was started as ${c.type}`);
    }
    return c;
  }

  /**
   * Adds values to one column. Used on its own (column by column), columns may have different lengths;
   * `build()` pads the shorter ones with missing values up to the longest (rows).
   */
  addColumn(name: string, type: string | undefined, values: readonly unknown[]): this {
    this.column(name, type ?? (this.columns.has(name) ? undefined : (this.types.get(name) ?? inferType(values)))).add(
      values,
    );
    return this;
  }

  /** Adds a column's distinct values with their counts (see ColumnSummary.addCounted). */
  addCountedColumn(name: string, values: readonly unknown[], counts: ArrayLike<number>): this {
    this.column(name, undefined).addCounted(values, counts);
    return this;
  }

  /** The summary of a column being built, created empty if need be, for callers that fill it directly. */
  columnSummary(name: string): ColumnSummary {
    return this.column(name, undefined);
  }

  /**
   * Adds a batch of rows: all its columns must have the same length. Columns seen before but absent from
   * the batch get that many missing values; a column first seen now gets missing values for earlier rows.
   */
  addBatch(batch: Batch): this {
    const cols = entries(batch.columns);
    const batchTypes = new Map(entries(batch.types));
    const n = cols[0]?.[1].length ?? 0;
    for (const [name, values] of cols) {
      if (values.length !== n)
        throw new Error(`addBatch: column "${name}" has ${values.length} values, column "${cols[0]?.[0]}" has ${n}`);
    }
    this.sync();
    for (const [name, values] of cols) {
      const known = this.columns.has(name);
      const type = batchTypes.get(name) ?? (known ? undefined : (this.types.get(name) ?? inferType(values)));
      const c = this.column(name, type);
      if (!known) c.addMissing(this.rows);
      c.add(values);
    }
    this.rows += n;
    this.sync();
    return this;
  }

  /** Rows so far: the longest column. Pads every column to it. */
  private sync(): number {
    for (const c of this.columns.values()) if (c.count > this.rows) this.rows = c.count;
    for (const c of this.columns.values()) if (c.count < this.rows) c.addMissing(this.rows - c.count);
    return this.rows;
  }

  build(): Profile {
    const rows = this.sync();
    const columns: Record<string, ColumnProfile> = {};
    for (const [name, c] of this.columns) columns[name] = c.toJSON();
    return {
      dovetail_profile: 1,
      created: this.options.created ?? new Date().toISOString(),
      ...(this.options.source ? { source: this.options.source } : {}),
      rows,
      columns,
    };
  }
}

/** Profiles in-memory columns in one call. */
export function profileColumns(
  columns: Map<string, readonly unknown[]> | Record<string, readonly unknown[]>,
  options: ProfileOptions = {},
): Profile {
  return new ProfileBuilder(options).addBatch({ columns }).build();
}

/** The histogram edges of every numeric/datetime column of a (reference) profile, for `edges`. */
export function edgesFrom(profile: Profile): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, c] of Object.entries(profile.columns)) {
    if (c.histogram && c.histogram.edges.length >= 2) out[name] = [...c.histogram.edges];
  }
  return out;
}

/**
 * Edges at `bins` equal-mass quantiles of a column's KLL sketch (duplicates dropped), for `edges`.
 * The first and last edges are the exact min and max. Undefined for a column without numbers.
 */
export function quantileEdges(column: ColumnProfile, bins = 10): number[] | undefined {
  if (!column.quantiles || column.quantiles.sketch.n === 0) return undefined;
  const kll = KllSketch.fromJSON(column.quantiles.sketch);
  const edges: number[] = [];
  for (let i = 0; i <= bins; i++) {
    const q = kll.quantile(i / bins);
    if (Number.isFinite(q) && (edges.length === 0 || q > (edges.at(-1) as number))) edges.push(q);
  }
  return edges.length >= 2 ? edges : undefined;
}

/** The KLL sketch of a column, to ask quantiles or ranks (error bound: column.quantiles.error_bound). */
export function quantileSketch(column: ColumnProfile): KllSketch | undefined {
  return column.quantiles ? KllSketch.fromJSON(column.quantiles.sketch) : undefined;
}
