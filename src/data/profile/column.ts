// One column's summary while it is being built or merged: counters plus the sketches that fit its type.
//   integer, float, datetime (epoch ms): HLL, Moments, KLL (finite values), histogram (grid or caller edges)
//   boolean, category, string:           HLL, FrequentValues
//   image, tensor, other:                count / missing only
// Only valid values reach the sketches, so every sketch's own `missing` stays 0 and the column's
// count / missing / invalid are the single source of those numbers.
import { type ItemType, itemTypes } from '../../descriptors/vocabulary.js';
import { FrequentValues } from '../sketch/frequent.js';
import { Histogram } from '../sketch/histogram.js';
import { HyperLogLog } from '../sketch/hll.js';
import { KllSketch, kllRankError } from '../sketch/kll.js';
import { Moments } from '../sketch/moments.js';
import { xxhash64String } from '../sketch/xxhash64.js';
import { GridHistogram } from './grid.js';
import type { ColumnProfileJSON } from './schema.js';

export interface SketchOptions {
  /** HyperLogLog precision (2^p registers). Default 12 (4 KiB, 1.6% standard error). */
  hllPrecision?: number;
  /** KLL accuracy parameter. Default 200 (1.33% rank error for one quantile, 99% confidence). */
  kllK?: number;
  /** Distinct values kept exactly by FrequentValues. Default 200. */
  frequentCap?: number;
  /** Bins of the default (grid) histogram. Default 64. */
  maxBins?: number;
  /** Seed for the KLL coin flips (per column: seed mixed with the column name). Random if absent. */
  seed?: number;
}

export type Family = 'number' | 'datetime' | 'boolean' | 'text' | 'opaque';

export function familyOf(type: ItemType): Family {
  switch (type) {
    case 'integer':
    case 'float':
      return 'number';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'category':
    case 'string':
      return 'text';
    default:
      return 'opaque';
  }
}

export function canonicalType(type: string): ItemType {
  const t = itemTypes.normalize(type);
  if (!t) throw new Error(`unknown column type "${type}"; expected one of ${itemTypes.values.join(', ')}`);
  return t;
}

const MISSING = Symbol('missing');
const INVALID = Symbol('invalid');
type Coerced<T> = T | typeof MISSING | typeof INVALID;

function isMissing(v: unknown): boolean {
  return (
    v === null ||
    v === undefined ||
    (typeof v === 'number' && Number.isNaN(v)) ||
    (typeof v === 'string' && v.trim() === '')
  );
}

function toNumber(v: unknown): Coerced<number> {
  if (isMissing(v)) return MISSING;
  if (typeof v === 'number') return v === 0 ? 0 : v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const x = Number(v.trim());
    return Number.isNaN(x) ? INVALID : x === 0 ? 0 : x;
  }
  return INVALID;
}

function toEpochMs(v: unknown): Coerced<number> {
  if (isMissing(v)) return MISSING;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? INVALID : v.getTime();
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : INVALID;
  if (typeof v === 'string') {
    const t = Date.parse(v.trim());
    return Number.isNaN(t) ? INVALID : t;
  }
  return INVALID;
}

const TRUE = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0']);

function toBoolean(v: unknown): Coerced<string> {
  if (isMissing(v)) return MISSING;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return v === 1 ? 'true' : v === 0 ? 'false' : INVALID;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    return TRUE.has(s) ? 'true' : FALSE.has(s) ? 'false' : INVALID;
  }
  return INVALID;
}

function toText(v: unknown): Coerced<string> {
  if (isMissing(v)) return MISSING;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? INVALID : v.toISOString();
  return INVALID;
}

function columnSeed(seed: number, name: string): number {
  return Number(xxhash64String(`${seed}:${name}`) & 0xffffffffn) >>> 0;
}

export class ColumnSummary {
  count = 0;
  missing = 0;
  invalid = 0;
  hll?: HyperLogLog;
  moments?: Moments;
  kll?: KllSketch;
  hist?: GridHistogram | Histogram;
  freq?: FrequentValues;

  constructor(
    readonly name: string,
    public type: ItemType,
  ) {}

  get family(): Family {
    return familyOf(this.type);
  }

  /** A new, empty summary. `edges` fixes the histogram's edges (exact merges across profiles that share them). */
  static create(name: string, type: ItemType, options: SketchOptions = {}, edges?: readonly number[]): ColumnSummary {
    const c = new ColumnSummary(name, type);
    const family = familyOf(type);
    if (family === 'opaque') return c;
    c.hll = new HyperLogLog({ p: options.hllPrecision ?? 12 });
    if (family === 'number' || family === 'datetime') {
      c.moments = new Moments();
      c.kll = new KllSketch({
        k: options.kllK ?? 200,
        seed: options.seed === undefined ? undefined : columnSeed(options.seed, name),
      });
      c.hist = edges
        ? new Histogram(edges)
        : new GridHistogram({ maxBins: options.maxBins ?? 64, minLevel: type === 'float' ? -60 : 0 });
    } else {
      c.freq = new FrequentValues({ cap: options.frequentCap ?? 200 });
    }
    return c;
  }

  /** Counts `n` rows in which this column had no value (it was absent from a batch or a part). */
  addMissing(n: number): this {
    this.count += n;
    this.missing += n;
    return this;
  }

  add(values: readonly unknown[]): this {
    const family = this.family;
    this.count += values.length;
    if (family === 'opaque') {
      for (const v of values) if (isMissing(v)) this.missing++;
      return this;
    }
    if (family === 'number' || family === 'datetime') {
      const coerce = family === 'number' ? toNumber : toEpochMs;
      const { hll, moments, kll, hist } = this as Required<ColumnSummary>;
      // Hashing is the costly part of HyperLogLog and adding a value twice changes nothing: hash each
      // distinct value of the batch once.
      const distinct = new Set<number>();
      const xs = new Float64Array(values.length);
      let k = 0;
      for (const v of values) {
        const x = coerce(v);
        if (x === MISSING) this.missing++;
        else if (x === INVALID) this.invalid++;
        else {
          distinct.add(x);
          moments.add(x);
          // ±Infinity: counted by moments.infinite and the histogram's under/overflow; kept out of the
          // KLL sketch so its JSON holds numbers only (JSON has no Infinity).
          if (Number.isFinite(x)) kll.add(x);
          xs[k++] = x;
        }
      }
      for (const x of distinct) hll.add(x);
      addToHistogram(hist, xs.subarray(0, k), new Float64Array(k).fill(1));
      return this;
    }
    const coerce = family === 'boolean' ? toBoolean : toText;
    const { hll, freq } = this as Required<ColumnSummary>;
    const distinct = new Set<string | boolean>();
    for (const v of values) {
      const s = coerce(v);
      if (s === MISSING) this.missing++;
      else if (s === INVALID) this.invalid++;
      else {
        distinct.add(s);
        freq.add(s);
      }
    }
    for (const s of distinct) hll.add(s);
    return this;
  }

  /**
   * Adds values with their counts, as a GROUP BY returns them: every sketch is updated once per value,
   * weighted by its count, so a column of few distinct values costs little however many rows it has.
   */
  addCounted(values: readonly unknown[], counts: ArrayLike<number>): this {
    const family = this.family;
    if (family === 'number' || family === 'datetime') return this.addCountedNumbers(values, counts);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const w = counts[i] as number;
      this.count += w;
      if (family === 'opaque') {
        if (isMissing(v)) this.missing += w;
        continue;
      }
      const t = family === 'boolean' ? toBoolean(v) : toText(v);
      if (t === MISSING) this.missing += w;
      else if (t === INVALID) this.invalid += w;
      else {
        (this.hll as HyperLogLog).add(t);
        (this.freq as FrequentValues).add(t, w);
      }
    }
    return this;
  }

  private addCountedNumbers(values: readonly unknown[], counts: ArrayLike<number>): this {
    const coerce = this.family === 'number' ? toNumber : toEpochMs;
    const { hll, moments, kll, hist } = this as Required<ColumnSummary>;
    // The valid values, for the histogram to take in one go.
    const xs = new Float64Array(values.length);
    const ws = new Float64Array(values.length);
    let k = 0;
    for (let i = 0; i < values.length; i++) {
      const w = counts[i] as number;
      this.count += w;
      const x = coerce(values[i]);
      if (x === MISSING) this.missing += w;
      else if (x === INVALID) this.invalid += w;
      else {
        hll.add(x);
        moments.add(x, w);
        if (Number.isFinite(x)) kll.add(x, w);
        xs[k] = x;
        ws[k++] = w;
      }
    }
    addToHistogram(hist, xs.subarray(0, k), ws.subarray(0, k));
    return this;
  }

  /**
   * Adds a number or datetime column's values in ascending order with their counts, as an ORDER BY
   * over a GROUP BY delivers them (NaN: no value). Like addCounted, but the quantile sketch is built
   * from the exact ranks (KllSketch.fromSortedCounts). Returns the finite values, equal neighbours
   * (-0 and 0) folded, with their counts: the column's exact distribution (views of the arguments
   * when nothing needed folding).
   */
  addSortedNumbers(values: Float64Array, counts: Float64Array): { values: Float64Array; counts: Float64Array } {
    const { hll, moments, kll, hist } = this as Required<ColumnSummary>;
    // Ascending: -Infinity first, then the finite values, +Infinity, and NaN last.
    let lo = 0;
    let hi = values.length;
    for (let i = 0; i < counts.length; i++) this.count += counts[i] as number;
    for (; hi > lo && Number.isNaN(values[hi - 1]); hi--) this.missing += counts[hi - 1] as number;
    let below = 0;
    let above = 0;
    for (; lo < hi && values[lo] === Number.NEGATIVE_INFINITY; lo++) below += counts[lo] as number;
    for (; hi > lo && values[hi - 1] === Number.POSITIVE_INFINITY; hi--) above += counts[hi - 1] as number;
    if (this.family === 'datetime') this.invalid += below + above;
    else if (below || above) {
      moments.infinite += below + above;
      if (below) hll.add(Number.NEGATIVE_INFINITY);
      if (above) hll.add(Number.POSITIVE_INFINITY);
      addToHistogram(
        hist,
        Float64Array.of(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY),
        Float64Array.of(below, above),
      );
    }
    const exact = foldedEqual(values.subarray(lo, hi), counts.subarray(lo, hi));
    for (let i = 0; i < exact.values.length; i++) hll.add(exact.values[i] as number);
    moments.merge(Moments.fromWeighted(exact.values, exact.counts));
    addToHistogram(hist, exact.values, exact.counts);
    kll.merge(KllSketch.fromSortedCounts(exact.values, exact.counts, { k: kll.k }));
    return exact;
  }

  /** Folds `other` in (other unchanged). Types must be equal, or integer and float (widened to float). */
  merge(other: ColumnSummary): this {
    const where = `column "${this.name}"`;
    if (other.type !== this.type) {
      const widen = new Set([this.type, other.type]);
      if (!(widen.size === 2 && widen.has('integer') && widen.has('float')))
        throw new Error(`${where}: cannot merge type ${this.type} with type ${other.type}`);
      this.type = 'float';
    }
    this.count += other.count;
    this.missing += other.missing;
    this.invalid += other.invalid;
    if (this.hll && other.hll) this.hll.merge(other.hll);
    if (this.moments && other.moments) this.moments.merge(other.moments);
    if (this.kll && other.kll) this.kll.merge(other.kll);
    if (this.freq && other.freq) this.freq.merge(other.freq);
    const a = this.hist;
    const b = other.hist;
    if (a && b) {
      if (a instanceof GridHistogram && b instanceof GridHistogram) {
        if (a.minLevel !== b.minLevel) {
          // integer (width >= 1) widened to float (width >= 2^-60): keep the coarser floor.
          const g = new GridHistogram({ maxBins: a.maxBins, minLevel: Math.max(a.minLevel, b.minLevel) });
          g.merge(withFloor(a, g.minLevel)).merge(withFloor(b, g.minLevel));
          this.hist = g;
        } else a.merge(b);
      } else if (a instanceof Histogram && b instanceof Histogram) {
        a.merge(b);
      } else {
        throw new Error(
          `${where}: cannot merge a histogram on caller-given edges with one on the default grid; ` +
            'profile both parts with the same edges (e.g. edges from a reference profile)',
        );
      }
    }
    return this;
  }

  toJSON(): ColumnProfileJSON {
    const out: ColumnProfileJSON = {
      type: this.type,
      count: this.count,
      missing: this.missing,
      invalid: this.invalid,
      distinct: this.hll ? this.hll.estimate() : null,
    };
    if (this.moments) {
      const m = this.moments;
      out.min = m.n ? m.min : null;
      out.max = m.n ? m.max : null;
      out.mean = m.n ? m.mean : null;
      out.variance = m.n ? m.variance : null;
    }
    if (this.hll) out.hll = this.hll.toJSON();
    if (this.moments) out.moments = this.moments.toJSON();
    if (this.kll) {
      out.quantiles = {
        error_bound: kllRankError(this.kll.k),
        error_bound_all: kllRankError(this.kll.k, true),
        sketch: this.kll.toJSON(),
      };
    }
    if (this.hist) {
      if (this.hist instanceof GridHistogram) out.histogram = this.hist.toJSON();
      else {
        const { edges, counts, underflow, overflow } = this.hist.toJSON();
        out.histogram = { edges, counts, underflow, overflow };
      }
    }
    if (this.freq) out.frequent = this.freq.toJSON();
    return out;
  }

  static fromJSON(name: string, json: ColumnProfileJSON): ColumnSummary {
    const c = new ColumnSummary(name, json.type as ItemType);
    c.count = json.count;
    c.missing = json.missing;
    c.invalid = json.invalid;
    if (json.hll) c.hll = HyperLogLog.fromJSON(json.hll);
    if (json.moments) c.moments = Moments.fromJSON(json.moments);
    if (json.quantiles) c.kll = KllSketch.fromJSON(json.quantiles.sketch);
    const h = json.histogram;
    if (h) {
      c.hist = h.grid
        ? GridHistogram.fromJSON({ ...h, grid: h.grid })
        : Histogram.fromJSON({ v: 1, kind: 'histogram', missing: 0, ...h });
    }
    if (json.frequent) c.freq = FrequentValues.fromJSON(json.frequent);
    return c;
  }
}

/**
 * Ascending finite values with their counts, equal neighbours (-0 and 0 among them) folded into one
 * value, 0: the arguments themselves when none are equal and none is -0.
 */
function foldedEqual(values: Float64Array, counts: Float64Array): { values: Float64Array; counts: Float64Array } {
  let clean = true;
  for (let i = 0; i < values.length && clean; i++) {
    const x = values[i] as number;
    if (Object.is(x, -0) || (i > 0 && x === values[i - 1])) clean = false;
  }
  if (clean) return { values, counts };
  const folded = new Float64Array(values.length);
  const weights = new Float64Array(values.length);
  let f = 0;
  for (let i = 0; i < values.length; i++) {
    const x = (values[i] as number) + 0;
    if (f > 0 && folded[f - 1] === x) weights[f - 1] = (weights[f - 1] as number) + (counts[i] as number);
    else {
      folded[f] = x;
      weights[f++] = counts[i] as number;
    }
  }
  return { values: folded.slice(0, f), counts: weights.slice(0, f) };
}

/** Values with weights into either kind of histogram (a grid takes them in one go). */
function addToHistogram(hist: GridHistogram | Histogram, xs: Float64Array, ws: Float64Array): void {
  if (hist instanceof GridHistogram) hist.addMany(xs, ws);
  else for (let i = 0; i < xs.length; i++) hist.add(xs[i] as number, ws[i] as number);
}

function withFloor(g: GridHistogram, minLevel: number): GridHistogram {
  const out = new GridHistogram({ maxBins: g.maxBins, minLevel });
  const copy = g.clone();
  // Reinterpret the same bins under the new floor: at or above it the lattice is the same.
  const json = copy.toJSON();
  if (json.grid.log2_width >= minLevel) {
    return GridHistogram.fromJSON({ ...json, grid: { ...json.grid, min_log2_width: minLevel } });
  }
  // Finer than the new floor: coarsen by merging into an empty histogram at the floor.
  out.underflow = json.underflow;
  out.overflow = json.overflow;
  const w = 2 ** json.grid.log2_width;
  json.counts.forEach((n, i) => {
    if (n) out.add(((json.edges[0] as number) / w + i) * w, n);
  });
  return out;
}
