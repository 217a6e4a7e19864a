// Frequent values of a categorical column. Exact while the column has at most `cap` distinct values;
// beyond that a Misra-Gries summary (Misra & Gries 1982) with the mergeable reduction of Agarwal et al.
// ("Mergeable Summaries", 2012): when more than `cap` counters exist, the (cap+1)-th largest count is
// subtracted from every counter and counters at or below zero are dropped. Every estimate then satisfies
//   true - errorBound <= estimate <= true,  errorBound <= n / (cap + 1),
// for adding and for any merge tree; errorBound is the sum of the subtractions (0 while exact).
// Counters are allowed to grow to 2·cap before reducing, so the reduction's sort is amortised.
// A value longer than MAX_VALUE_CHARS is counted under its beginning and a hash of the whole (keyOf).
import { prefixOf } from '../text.js';
import { xxhash64String } from './xxhash64.js';

export interface FrequentOptions {
  /** Distinct values kept exactly, and counters kept after that. Default 1000. */
  cap?: number;
}

export interface FrequentJSON {
  v: 1;
  kind: 'frequent';
  cap: number;
  n: number;
  missing: number;
  errorBound: number;
  /** [value, count] pairs, count descending. */
  items: [string, number][];
}

export interface FrequentItem {
  value: string;
  /** Lower bound on the true count (exact when errorBound is 0). */
  count: number;
  /** Upper bound: count + errorBound. */
  upper: number;
}

/** Longest value kept as it is: categories are short, and 2·cap long texts would all be held. */
export const MAX_VALUE_CHARS = 200;
/** How much of a longer value its key keeps. */
const KEPT_CHARS = 120;

/**
 * The text a value is counted under: the value, or for one longer than MAX_VALUE_CHARS, its first
 * KEPT_CHARS characters, its length and its XXH64 (so distinct long values stay apart, and the same
 * value gets the same key in every profile).
 */
export function keyOf(value: string | number | boolean): string {
  const text = typeof value === 'number' && Object.is(value, -0) ? '0' : String(value);
  if (text.length <= MAX_VALUE_CHARS) return text;
  const hash = xxhash64String(text).toString(16).padStart(16, '0');
  return `${prefixOf(text, KEPT_CHARS)}… (${text.length} characters, XXH64 ${hash})`;
}

export class FrequentValues {
  readonly cap: number;
  n = 0;
  missing = 0;
  errorBound = 0;
  private counts = new Map<string, number>();

  constructor(options: FrequentOptions = {}) {
    const cap = options.cap ?? 1000;
    if (!Number.isInteger(cap) || cap < 1) throw new Error('FrequentValues: cap must be a positive integer');
    this.cap = cap;
  }

  /** True while every count is exact. */
  get exact(): boolean {
    return this.errorBound === 0;
  }

  add(value: string | number | boolean | null | undefined, weight = 1): this {
    if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
      this.missing += weight;
      return this;
    }
    const key = keyOf(value);
    this.counts.set(key, (this.counts.get(key) ?? 0) + weight);
    this.n += weight;
    if (this.counts.size > 2 * this.cap) this.reduce();
    return this;
  }

  addAll(values: Iterable<string | number | boolean | null | undefined>): this {
    for (const v of values) this.add(v);
    return this;
  }

  /** Subtract the (cap+1)-th largest count from all counters, drop the non-positive ones. */
  private reduce(): void {
    if (this.counts.size <= this.cap) return;
    const sorted = [...this.counts.values()].sort((a, b) => b - a);
    const t = sorted[this.cap] as number;
    for (const [k, c] of this.counts) {
      if (c <= t) this.counts.delete(k);
      else this.counts.set(k, c - t);
    }
    this.errorBound += t;
  }

  /** Adds counters, then reduces; the error bounds add (still <= n/(cap+1) overall). */
  merge(other: FrequentValues): this {
    if (other.cap !== this.cap) throw new Error(`FrequentValues.merge: cap differs (${this.cap} vs ${other.cap})`);
    for (const [k, c] of other.counts) this.counts.set(k, (this.counts.get(k) ?? 0) + c);
    this.n += other.n;
    this.missing += other.missing;
    this.errorBound += other.errorBound;
    this.reduce();
    return this;
  }

  /** Estimated count (a lower bound; exact when `exact`). 0 for values not kept. */
  count(value: string | number | boolean): number {
    return this.counts.get(keyOf(value)) ?? 0;
  }

  /** Values by estimated count, descending (ties by value), at most `limit`. */
  top(limit = this.cap): FrequentItem[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, limit)
      .map(([value, count]) => ({ value, count, upper: count + this.errorBound }));
  }

  clone(): FrequentValues {
    return FrequentValues.fromJSON(this.toJSON());
  }

  toJSON(): FrequentJSON {
    this.reduce(); // serialise at most cap counters
    return {
      v: 1,
      kind: 'frequent',
      cap: this.cap,
      n: this.n,
      missing: this.missing,
      errorBound: this.errorBound,
      items: this.top().map((i) => [i.value, i.count]),
    };
  }

  static fromJSON(json: FrequentJSON): FrequentValues {
    if (json?.kind !== 'frequent' || json.v !== 1)
      throw new Error('FrequentValues.fromJSON: not a v1 frequent-values summary');
    const f = new FrequentValues({ cap: json.cap });
    f.n = json.n;
    f.missing = json.missing;
    f.errorBound = json.errorBound;
    for (const [k, c] of json.items) f.counts.set(k, c);
    return f;
  }
}
