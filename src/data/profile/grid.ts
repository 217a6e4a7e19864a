// A histogram on a pinned power-of-two lattice: the default histogram of a profile when the caller gave
// no edges. It merges EXACTLY and is independent of the order of the data.
//
// Design. Level ℓ is the lattice of bins [i·2^ℓ, (i+1)·2^ℓ) for every integer i; the lattices are
// nested (every edge at level ℓ+1 is an edge at level ℓ), so a level-ℓ histogram coarsens exactly to
// any coarser level by adding pairs of bins. A histogram of a set S of values is kept at
//   level(S) = the smallest ℓ >= floor(S) such that the bins between min(S) and max(S) number <= maxBins
// where floor(S) = max(minLevel, max over x in S of need(x)) and need(x) keeps |x| / 2^ℓ below 2^50 so
// bin indices stay exact integers. Both floor(S) and "fits" depend on S only through max/min-type
// aggregates, and "fits" is monotone in ℓ (nested lattices) and in S (a subset needs no more bins), so
//   level(A ∪ B) = the smallest ℓ >= max(level(A), level(B)) that fits A ∪ B,
// which is what merge() computes: merging the histograms of parts gives, bit for bit, the histogram of
// the whole, whatever the split and the merge order. Adding one value is merging a one-value set.
// Bin indices are floor(x / 2^ℓ) — a division by a power of two, exact in binary floating point — and
// edges are i·2^ℓ, also exact. No finite value sits on the top edge (it is strictly above max), so the
// bins are all half-open and agree with numpy's convention used by `Histogram`.
// ±Infinity go to underflow / overflow and do not widen the range.

export interface GridJSON {
  edges: number[];
  counts: number[];
  underflow: number;
  overflow: number;
  grid: { log2_width: number; min_log2_width: number; max_bins: number };
}

export interface GridOptions {
  /** At most this many bins (the histogram holds between maxBins/2 and maxBins bins once wide). */
  maxBins?: number;
  /** The finest level: 0 (width 1) for integers and datetimes (ms), -60 for floats. */
  minLevel?: number;
}

function need(x: number, minLevel: number): number {
  if (x === 0) return minLevel;
  return Math.max(minLevel, Math.ceil(Math.log2(Math.abs(x))) - 50);
}

export class GridHistogram {
  readonly maxBins: number;
  readonly minLevel: number;
  level: number;
  /** Index of the first bin at `level`. */
  start = 0;
  counts: number[] = [];
  underflow = 0;
  overflow = 0;

  constructor(options: GridOptions = {}) {
    const maxBins = options.maxBins ?? 64;
    if (!Number.isInteger(maxBins) || maxBins < 2) throw new Error('GridHistogram: maxBins must be an integer >= 2');
    const minLevel = options.minLevel ?? 0;
    if (!Number.isInteger(minLevel) || minLevel < -1000 || minLevel > 1000)
      throw new Error('GridHistogram: minLevel must be an integer in [-1000, 1000]');
    this.maxBins = maxBins;
    this.minLevel = minLevel;
    this.level = minLevel;
  }

  /** Values counted (including ±Infinity). */
  get total(): number {
    return this.counts.reduce((s, c) => s + c, this.underflow + this.overflow);
  }

  /** Re-bins to a coarser level (exact: nested lattices). */
  private coarsenTo(level: number): void {
    if (level <= this.level) return;
    const f = 2 ** (level - this.level);
    this.level = level;
    if (this.counts.length === 0) return;
    const start = Math.floor(this.start / f);
    const end = Math.floor((this.start + this.counts.length - 1) / f);
    const counts = new Array<number>(end - start + 1).fill(0);
    this.counts.forEach((c, i) => {
      const j = Math.floor((this.start + i) / f) - start;
      counts[j] = (counts[j] as number) + c;
    });
    this.start = start;
    this.counts = counts;
  }

  /** Coarsens until the index range [lo, hi] (at the current level) fits; returns it at the new level. */
  private fit(lo: number, hi: number): [number, number] {
    let level = this.level;
    while (hi - lo + 1 > this.maxBins) {
      lo = Math.floor(lo / 2);
      hi = Math.floor(hi / 2);
      level++;
    }
    this.coarsenTo(level);
    return [lo, hi];
  }

  /** Widens the dense count array to cover [lo, hi] (already at the current level). */
  private cover(lo: number, hi: number): void {
    if (this.counts.length === 0) {
      this.start = lo;
      this.counts = new Array<number>(hi - lo + 1).fill(0);
      return;
    }
    const end = this.start + this.counts.length - 1;
    if (lo < this.start) this.counts = [...new Array<number>(this.start - lo).fill(0), ...this.counts];
    if (hi > end) this.counts.push(...new Array<number>(hi - end).fill(0));
    this.start = Math.min(lo, this.start);
  }

  add(x: number, weight = 1): this {
    if (Number.isNaN(x)) throw new Error('GridHistogram.add: NaN is missing, not a value');
    if (x === Number.POSITIVE_INFINITY) {
      this.overflow += weight;
      return this;
    }
    if (x === Number.NEGATIVE_INFINITY) {
      this.underflow += weight;
      return this;
    }
    this.coarsenTo(need(x, this.minLevel));
    let idx = Math.floor(x / 2 ** this.level);
    const lo = this.counts.length ? Math.min(this.start, idx) : idx;
    const hi = this.counts.length ? Math.max(this.start + this.counts.length - 1, idx) : idx;
    const before = this.level;
    const [l, h] = this.fit(lo, hi);
    if (this.level !== before) idx = Math.floor(idx / 2 ** (this.level - before));
    this.cover(l, h);
    const j = idx - this.start;
    this.counts[j] = (this.counts[j] as number) + weight;
    return this;
  }

  /**
   * Adds many values with their weights: the range is widened once to the batch's extremes (the same
   * level and bins as adding them one by one: see the header), then every value is one division.
   */
  addMany(values: ArrayLike<number>, weights: ArrayLike<number>): this {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < values.length; i++) {
      const x = values[i] as number;
      if (x < lo && x !== Number.NEGATIVE_INFINITY) lo = x;
      if (x > hi && x !== Number.POSITIVE_INFINITY) hi = x;
    }
    if (lo <= hi) this.add(lo, 0).add(hi, 0);
    const width = 2 ** this.level;
    const start = this.start;
    const counts = this.counts;
    for (let i = 0; i < values.length; i++) {
      const x = values[i] as number;
      const w = weights[i] as number;
      if (x === Number.POSITIVE_INFINITY) this.overflow += w;
      else if (x === Number.NEGATIVE_INFINITY) this.underflow += w;
      else if (Number.isNaN(x)) throw new Error('GridHistogram.addMany: NaN is missing, not a value');
      else {
        const at = Math.floor(x / width) - start;
        counts[at] = (counts[at] as number) + w;
      }
    }
    return this;
  }

  /** Adds `other` in (other unchanged). Exact; see the header for why it equals the whole's histogram. */
  merge(other: GridHistogram): this {
    if (other.maxBins !== this.maxBins || other.minLevel !== this.minLevel) {
      throw new Error(
        `GridHistogram.merge: grids differ (max_bins ${this.maxBins} vs ${other.maxBins}, ` +
          `min_log2_width ${this.minLevel} vs ${other.minLevel})`,
      );
    }
    this.underflow += other.underflow;
    this.overflow += other.overflow;
    if (other.counts.length === 0) return this;
    const o = other.clone();
    const level = Math.max(this.level, o.level);
    this.coarsenTo(level);
    o.coarsenTo(level);
    const oEnd = o.start + o.counts.length - 1;
    const lo = this.counts.length ? Math.min(this.start, o.start) : o.start;
    const hi = this.counts.length ? Math.max(this.start + this.counts.length - 1, oEnd) : oEnd;
    const [l, h] = this.fit(lo, hi);
    o.coarsenTo(this.level);
    this.cover(l, h);
    o.counts.forEach((c, i) => {
      const j = o.start + i - this.start;
      this.counts[j] = (this.counts[j] as number) + c;
    });
    return this;
  }

  /** A copy re-binned to `level` (exact: nested lattices); a level at or below this one copies as is. */
  coarsened(level: number): GridHistogram {
    const copy = this.clone();
    copy.coarsenTo(level);
    return copy;
  }

  /** Bin edges: counts.length + 1 of them (none while empty). */
  edges(): number[] {
    if (this.counts.length === 0) return [];
    const w = 2 ** this.level;
    return Array.from({ length: this.counts.length + 1 }, (_, i) => (this.start + i) * w + 0);
  }

  clone(): GridHistogram {
    return GridHistogram.fromJSON(this.toJSON());
  }

  toJSON(): GridJSON {
    return {
      edges: this.edges(),
      counts: [...this.counts],
      underflow: this.underflow,
      overflow: this.overflow,
      grid: { log2_width: this.level, min_log2_width: this.minLevel, max_bins: this.maxBins },
    };
  }

  /** Throws if the edges are not the lattice's (the schema reports that with a pointer first). */
  static fromJSON(json: GridJSON): GridHistogram {
    const g = new GridHistogram({ maxBins: json.grid.max_bins, minLevel: json.grid.min_log2_width });
    g.level = json.grid.log2_width;
    g.underflow = json.underflow;
    g.overflow = json.overflow;
    const problem = gridProblem(json);
    if (problem) throw new Error(`GridHistogram.fromJSON: ${problem}`);
    if (json.counts.length) {
      g.start = Math.round((json.edges[0] as number) / 2 ** g.level);
      g.counts = [...json.counts];
    }
    return g;
  }
}

/** Why a grid histogram's JSON is inconsistent, or undefined if it is fine. */
export function gridProblem(json: GridJSON): string | undefined {
  const { log2_width: level, min_log2_width: minLevel, max_bins: maxBins } = json.grid;
  if (level < minLevel) return 'log2_width is below min_log2_width';
  if (json.counts.length > maxBins) return `more than max_bins (${maxBins}) bins`;
  if (json.counts.length === 0) return json.edges.length === 0 ? undefined : 'edges without counts';
  if (json.edges.length !== json.counts.length + 1) return 'edges must number counts + 1';
  const w = 2 ** level;
  const start = (json.edges[0] as number) / w;
  if (!Number.isInteger(start)) return `edges are not on the 2^${level} lattice`;
  for (let i = 0; i < json.edges.length; i++) {
    if (json.edges[i] !== (start + i) * w) return `edge ${i} is not on the 2^${level} lattice`;
  }
  return undefined;
}
