// KLL quantile sketch (Karnin, Lang, Liberty, "Optimal Quantile Approximation in Streams", FOCS 2016),
// in the shape of Liberty's reference implementation (github.com/edoliberty/streaming-quantiles):
// a stack of compactors, level h holding items of weight 2^h; a full level is sorted and every other
// item (random offset) is promoted. Capacities shrink geometrically (c = 2/3) below the top level,
// down to a minimum of 8 items (as in DataSketches).
// Weight is conserved, so n is exact; min and max are tracked exactly.
//
// Error bound: we state DataSketches' empirical normalized rank error for KLL at 99% confidence
// (datasketches-java KllSketch.getNormalizedRankError):
//   single quantile/rank query:        eps(k) = 2.296 / k^0.9723   (k=200: 1.33%)
//   all quantiles at once (PMF/CDF):   eps(k) = 2.446 / k^0.9433   (k=200: 1.65%)
// Our compactor sizes are at least as large as DataSketches' for the same k, so the bound carries
// over; test/data/sketch/kll.test.ts measures it. Merge is associative and commutative in
// distribution (the error bound holds for any merge tree), not bit for bit.
import { Mulberry32, randomSeed } from './prng.js';

export interface KllOptions {
  /** Accuracy parameter; larger k, smaller error, ~O(k) memory. Default 200. */
  k?: number;
  /** Seed for the compaction coin flips; give one for reproducible sketches. */
  seed?: number;
}

export interface KllJSON {
  v: 1;
  kind: 'kll';
  k: number;
  n: number;
  missing: number;
  min: number | null;
  max: number | null;
  /** PRNG state, so a restored sketch continues exactly as the original would. */
  rng: number;
  /** levels[h]: retained items of weight 2^h. */
  levels: number[][];
}

const C = 2 / 3;
/** Smallest capacity of a level, as in DataSketches: tiny low levels would compact on every add. */
const MIN_WIDTH = 8;
/** Fewer ascending runs than this are merged rather than sorted. */
const MAX_RUNS_TO_MERGE = 8;
/** Where each ascending run after the first starts: Level.sort's scratch. */
const runStarts: number[] = [];
/** Scratch for merging runs. */
let mergeBuffer = new Float64Array(256);

/** Orders items[0, n), ascending runs starting at 0 and at each of `runs`, by merging pairs of runs. */
function mergeRuns(items: Float64Array, n: number, runs: readonly number[]): void {
  if (mergeBuffer.length < n) mergeBuffer = new Float64Array(n * 2);
  let from: Float64Array = items;
  let to: Float64Array = mergeBuffer;
  let starts = [0, ...runs, n];
  while (starts.length > 2) {
    const merged = [0];
    for (let r = 0; r + 1 < starts.length; r += 2) {
      const lo = starts[r] as number;
      const mid = starts[r + 1] as number;
      const hi = (starts[r + 2] ?? mid) as number;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi)
        to[k++] = (from[j] as number) < (from[i] as number) ? (from[j++] as number) : (from[i++] as number);
      while (i < mid) to[k++] = from[i++] as number;
      while (j < hi) to[k++] = from[j++] as number;
      merged.push(hi);
    }
    starts = merged;
    [from, to] = [to, from];
  }
  if (from !== items) items.set(from.subarray(0, n));
}

/**
 * The items of one level: a growable array of doubles. Typed and reused because a compaction empties a
 * level every few adds: a plain array emptied by `length = 0` gives back its storage and grows it again.
 */
class Level {
  /** Items at [0, length); the rest is room to grow. */
  buffer = new Float64Array(MIN_WIDTH);
  length = 0;

  /** The items, a view valid until the next change. */
  get items(): Float64Array {
    return this.buffer.subarray(0, this.length);
  }

  push(x: number): void {
    if (this.length === this.buffer.length) this.reserve(this.length + 1);
    this.buffer[this.length++] = x;
  }

  pushAll(xs: ArrayLike<number>): void {
    this.reserve(this.length + xs.length);
    this.buffer.set(xs, this.length);
    this.length += xs.length;
  }

  /**
   * Sorts the items ascending in place: few by insertion; more by merging when they are a few ascending
   * runs (above level 0 they are: each compaction below appends one), else by the native typed-array sort.
   */
  sort(): void {
    const items = this.buffer;
    const n = this.length;
    if (n > 32) {
      runStarts.length = 0;
      for (let i = 1; i < n && runStarts.length < MAX_RUNS_TO_MERGE; i++)
        if ((items[i] as number) < (items[i - 1] as number)) runStarts.push(i);
      if (runStarts.length < MAX_RUNS_TO_MERGE) mergeRuns(items, n, runStarts);
      else this.items.sort();
      return;
    }
    for (let i = 1; i < n; i++) {
      const x = items[i] as number;
      let j = i - 1;
      while (j >= 0 && (items[j] as number) > x) {
        items[j + 1] = items[j] as number;
        j--;
      }
      items[j + 1] = x;
    }
  }

  private reserve(size: number): void {
    if (size <= this.buffer.length) return;
    const bigger = new Float64Array(Math.max(size, this.buffer.length * 2));
    bigger.set(this.items);
    this.buffer = bigger;
  }
}
const cmp = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/** See KllSketch.rankPlan. */
export interface RankPlan {
  n: number;
  top: number;
  full: number;
  remainder: { level: number; rank: number }[];
}

/** The rank whose value is the item of top-level block i: the block's middle rank. */
export function topRank(plan: RankPlan, i: number): number {
  return i * 2 ** plan.top + Math.floor(2 ** plan.top / 2);
}

/** Normalized rank error bound at 99% confidence for k (see header); `all` for every quantile at once. */
export function kllRankError(k: number, all = false): number {
  return all ? 2.446 / k ** 0.9433 : 2.296 / k ** 0.9723;
}

export class KllSketch {
  readonly k: number;
  n = 0;
  missing = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private levels: Level[];
  private capacities: number[] = [];
  private size = 0;
  private maxSize = 0;
  private readonly rng: Mulberry32;
  private sorted: { items: Float64Array; cum: Float64Array } | null = null;

  constructor(options: KllOptions = {}) {
    const k = options.k ?? 200;
    if (!Number.isInteger(k) || k < 8 || k > 65535) throw new Error('KllSketch: k must be an integer in [8, 65535]');
    this.k = k;
    this.rng = new Mulberry32(options.seed ?? randomSeed());
    this.capacities = [k + 1];
    this.maxSize = this.capacities[0] as number;
    this.levels = [new Level()];
  }

  get errorBound(): number {
    return kllRankError(this.k);
  }

  /** Items retained (memory use). */
  get retained(): number {
    return this.size;
  }

  /** True until the first compaction: every value added is retained, so ranks and quantiles are exact. */
  get exact(): boolean {
    return this.levels.every((level, h) => h === 0 || level.length === 0);
  }

  /** Capacity of level h: k at the top, shrinking by C per level below it. */
  private capacity(h: number): number {
    return this.capacities[h] as number;
  }

  private grow(): void {
    const top = this.levels.length;
    this.capacities = [...this.levels, null].map((_, h) => Math.max(MIN_WIDTH, Math.ceil(this.k * C ** (top - h)) + 1));
    this.levels.push(new Level());
    this.maxSize = this.capacities.reduce((a, b) => a + b, 0);
  }

  /**
   * Adds `value` `weight` times. A weight is split into its binary digits, one item of weight 2^h at
   * level h per digit, as if an exact sketch of the copies were merged in: the bound still holds.
   */
  add(value: number | null | undefined, weight = 1): this {
    if (value === null || value === undefined || Number.isNaN(value)) {
      this.missing += weight;
      return this;
    }
    const x = value === 0 ? 0 : value; // -0 and +0 are one value
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.n += weight;
    this.sorted = null;
    if (weight === 1) {
      (this.levels[0] as Level).push(x);
      this.size++;
    } else {
      for (let h = 0, w = weight; w > 0; h++, w = Math.floor(w / 2)) {
        if (w % 2 === 0) continue;
        while (h >= this.levels.length) this.grow();
        (this.levels[h] as Level).push(x);
        this.size++;
      }
    }
    while (this.size >= this.maxSize) this.compress();
    return this;
  }

  addAll(values: Iterable<number | null | undefined>): this {
    for (const v of values) this.add(v);
    return this;
  }

  private compress(): void {
    for (let h = 0; h < this.levels.length; h++) {
      const level = this.levels[h] as Level;
      if (level.length >= this.capacity(h)) {
        if (h + 1 >= this.levels.length) this.grow();
        level.sort();
        // Promote every other item from a random offset; an odd leftover (the largest) stays at this level.
        const sorted = level.buffer;
        const even = level.length - (level.length % 2);
        const up = this.levels[h + 1] as Level;
        for (let i = this.rng.bit(); i < even; i += 2) up.push(sorted[i] as number);
        if (even < level.length) sorted[0] = sorted[even] as number;
        level.length -= even;
        this.size -= even / 2;
        if (this.size < this.maxSize) break;
      }
    }
  }

  /**
   * A sketch of an exactly known distribution: distinct `values` in ascending order with their
   * `counts`. Instead of compacting at random, it keeps one item per block of 2^L consecutive ranks
   * (the item at the block's middle rank), with L the smallest level whose blocks number at most k,
   * and the leftover ranks in one block per binary digit at lower levels. Every rank is then off by
   * at most half a block, under 1/k of n: well inside the stated bound. It merges like any other.
   */
  static fromSortedCounts(values: Float64Array, counts: ArrayLike<number>, options: KllOptions = {}): KllSketch {
    let n = 0;
    for (let i = 0; i < counts.length; i++) n += counts[i] as number;
    const plan = KllSketch.rankPlan(n, options.k ?? 200);
    let index = 0; // the value holding rank `seen`
    let seen = 0; // ranks before values[index]
    const valueAt = (rank: number): number => {
      while (seen + (counts[index] as number) <= rank) seen += counts[index++] as number;
      return values[index] as number;
    };
    const top = Array.from({ length: plan.full }, (_, i) => valueAt(topRank(plan, i)));
    const rest = plan.remainder.map((b) => valueAt(b.rank));
    return KllSketch.fromRanks(plan, top, rest, values[0] as number, values[values.length - 1] as number, options);
  }

  /**
   * Which ranks (0-based, in ascending order of value) a sketch of n values known exactly keeps, and
   * at which level: `full` blocks of 2^top ranks at level `top`, the item of block i being the value at
   * rank `topRank(plan, i)`, then one block per binary digit of the ranks left, at lower levels.
   */
  static rankPlan(n: number, k: number): RankPlan {
    let top = 0;
    while (Math.floor(n / 2 ** top) > k) top++;
    const full = Math.floor(n / 2 ** top);
    const remainder: { level: number; rank: number }[] = [];
    let start = full * 2 ** top;
    for (let h = top - 1; h >= 0; h--) {
      if (Math.floor((n - full * 2 ** top) / 2 ** h) % 2 === 1) {
        remainder.push({ level: h, rank: start + Math.floor(2 ** h / 2) });
        start += 2 ** h;
      }
    }
    return { n, top, full, remainder };
  }

  /** The sketch a rank plan describes, given the values at its ranks (see rankPlan) and the extremes. */
  static fromRanks(
    plan: RankPlan,
    topValues: readonly number[],
    remainderValues: readonly number[],
    min: number,
    max: number,
    options: KllOptions = {},
  ): KllSketch {
    const sketch = new KllSketch(options);
    if (plan.n === 0) return sketch;
    while (sketch.levels.length <= plan.top) sketch.grow();
    (sketch.levels[plan.top] as Level).pushAll(topValues);
    plan.remainder.forEach((b, i) => {
      (sketch.levels[b.level] as Level).push(remainderValues[i] as number);
    });
    sketch.size = topValues.length + remainderValues.length;
    sketch.n = plan.n;
    sketch.min = min + 0;
    sketch.max = max;
    return sketch;
  }

  /** Folds `other` in (other is unchanged). Both must have the same k. */
  merge(other: KllSketch): this {
    if (other.k !== this.k) throw new Error(`KllSketch.merge: k differs (${this.k} vs ${other.k})`);
    this.missing += other.missing;
    if (other.n === 0) return this;
    while (this.levels.length < other.levels.length) this.grow();
    other.levels.forEach((lvl, h) => {
      (this.levels[h] as Level).pushAll(lvl.items);
    });
    this.size += other.size;
    this.n += other.n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.sorted = null;
    while (this.size >= this.maxSize) this.compress();
    return this;
  }

  private view(): { items: Float64Array; cum: Float64Array } {
    if (this.sorted) return this.sorted;
    const pairs: [number, number][] = [];
    this.levels.forEach((lvl, h) => {
      for (const x of lvl.items) pairs.push([x, 2 ** h]);
    });
    pairs.sort((a, b) => cmp(a[0], b[0]));
    const items = new Float64Array(pairs.length);
    const cum = new Float64Array(pairs.length);
    let c = 0;
    pairs.forEach(([x, w], i) => {
      c += w;
      items[i] = x;
      cum[i] = c;
    });
    this.sorted = { items, cum };
    return this.sorted;
  }

  /**
   * The retained items ascending, each with its weight (2^level; the weights sum to n): the sample
   * the sketch answers from, whose empirical CDF is rank().
   */
  weightedItems(): { values: Float64Array; counts: Float64Array } {
    const { items, cum } = this.view();
    const counts = cum.map((c, i) => c - (i ? (cum[i - 1] as number) : 0));
    return { values: items.slice(), counts };
  }

  /**
   * Estimated fraction of values <= x (inclusive rank), in [0, 1]. NaN when empty.
   * |rank(x) - true rank| <= errorBound with 99% confidence.
   */
  rank(x: number): number {
    if (this.n === 0) return Number.NaN;
    if (x < this.min) return 0;
    if (x >= this.max) return 1;
    const { items, cum } = this.view();
    // Largest i with items[i] <= x.
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((items[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (cum[lo - 1] as number) / this.n;
  }

  /**
   * Smallest retained value whose estimated inclusive rank is >= q; q = 0 gives the exact min,
   * q = 1 the exact max. NaN when empty.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new Error('KllSketch.quantile: q must be in [0, 1]');
    if (this.n === 0) return Number.NaN;
    if (q === 0) return this.min;
    if (q === 1) return this.max;
    const { items, cum } = this.view();
    const target = q * this.n;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as number;
  }

  quantiles(qs: readonly number[]): number[] {
    return qs.map((q) => this.quantile(q));
  }

  /**
   * Estimated CDF at increasing split points: result[i] = rank(splits[i]), plus a final 1.
   * The bound for all points at once is kllRankError(k, true).
   */
  cdf(splits: readonly number[]): number[] {
    for (let i = 1; i < splits.length; i++) {
      if (!((splits[i] as number) > (splits[i - 1] as number))) throw new Error('KllSketch.cdf: splits must increase');
    }
    if (this.n === 0) return [...splits.map(() => Number.NaN), Number.NaN];
    return [...splits.map((s) => this.rank(s)), 1];
  }

  clone(): KllSketch {
    return KllSketch.fromJSON(this.toJSON());
  }

  toJSON(): KllJSON {
    const empty = this.n === 0;
    return {
      v: 1,
      kind: 'kll',
      k: this.k,
      n: this.n,
      missing: this.missing,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      rng: this.rng.state,
      levels: this.levels.map((l) => Array.from(l.items)),
    };
  }

  static fromJSON(json: KllJSON): KllSketch {
    if (json?.kind !== 'kll' || json.v !== 1) throw new Error('KllSketch.fromJSON: not a v1 KLL sketch');
    const s = new KllSketch({ k: json.k, seed: json.rng });
    while (s.levels.length < json.levels.length) s.grow();
    let size = 0;
    let weight = 0;
    json.levels.forEach((l, h) => {
      (s.levels[h] as Level).pushAll(l);
      size += l.length;
      weight += l.length * 2 ** h;
    });
    if (weight !== json.n) throw new Error('KllSketch.fromJSON: level weights do not sum to n');
    s.size = size;
    s.n = json.n;
    s.missing = json.missing;
    s.min = json.min ?? Number.POSITIVE_INFINITY;
    s.max = json.max ?? Number.NEGATIVE_INFINITY;
    return s;
  }
}
