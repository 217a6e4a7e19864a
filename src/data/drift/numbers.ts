// Comparing numeric columns (integers, floats, datetimes as epoch milliseconds). Each side is a sample
// given as ascending values with counts: the exact values when the data were read, otherwise the
// items the profile's KLL sketch retained, weighted 2^level, whose empirical CDF is the sketch's rank
// estimate. A statistic computed on a sketch is off by at most the sketches' rank errors (stated).
// ±Infinity are left out, as the profile's sketches leave them out.
import type { ColumnProfile } from '../profile/profile.js';
import { KllSketch } from '../sketch/kll.js';
import {
  type CountedSample,
  ks2sampCounts,
  ksPValue,
  psiFromCounts,
  quantileEdgesAt,
  wasserstein,
} from '../stats/index.js';
import type { ExactColumn } from './side.js';

export interface NumberSample extends CountedSample {
  /** Values in the sample (the sum of the counts). */
  n: number;
  /** Where the values come from. */
  source: 'data' | 'kll sketch';
  /** The sample is the data itself: read from the file, or a sketch that has not compacted yet. */
  exact: boolean;
  /** Bound on |sample CDF − data CDF| at every point at once, 99% confidence (0 when exact). */
  rankError: number;
  /** ±Infinity values left out. */
  infinite: number;
}

/** A column's numbers, or undefined when it has none. */
export function numberSample(column: ColumnProfile, exact?: ExactColumn): NumberSample | undefined {
  if (exact?.kind === 'numbers') {
    const keep = exact.values.map((v) => (Number.isFinite(v) ? 1 : 0));
    const values = exact.values.filter((_, i) => keep[i]);
    const counts = exact.counts.filter((_, i) => keep[i]);
    const n = counts.reduce((s, c) => s + c, 0);
    const infinite = exact.counts.reduce((s, c, i) => s + (keep[i] ? 0 : c), 0);
    return n > 0 ? { values, counts, n, source: 'data', exact: true, rankError: 0, infinite } : undefined;
  }
  const q = column.quantiles;
  if (!q || q.sketch.n === 0) return undefined;
  const kll = KllSketch.fromJSON(q.sketch);
  return {
    ...kll.weightedItems(),
    n: kll.n,
    source: 'kll sketch',
    exact: kll.exact,
    // D and the other statistics read the CDF everywhere, so the bound for all points at once applies.
    rankError: kll.exact ? 0 : q.error_bound_all,
    infinite: column.moments?.infinite ?? 0,
  };
}

/** Parameters every number comparison states: sizes, where the values come from, how exact. */
function sampleParameters(reference: NumberSample, current: NumberSample) {
  const describe = (s: NumberSample) =>
    s.source === 'data' ? 'data' : `kll sketch${s.exact ? ', every value kept' : ''}`;
  return {
    n_reference: reference.n,
    n_current: current.n,
    values: reference.exact && current.exact ? ('exact' as const) : ('sketch' as const),
    source: { reference: describe(reference), current: describe(current) },
    // The sum of the two sides' CDF errors (normalized rank error, 99% confidence, all points at once).
    ...(reference.rankError || current.rankError ? { rank_error_bound: reference.rankError + current.rankError } : {}),
    ...(reference.infinite || current.infinite
      ? { infinite_left_out: { reference: reference.infinite, current: current.infinite } }
      : {}),
  };
}

/** Two-sample KS as scipy's ks_2samp: D and its p-value from D, n1, n2 (exact path up to 10,000). */
export function ksNumbers(reference: NumberSample, current: NumberSample) {
  const r = ks2sampCounts(reference, current);
  const bound = reference.rankError + current.rankError;
  // |D − D of the data| <= the sum of the two CDF errors. From sketches, drift is decided on the
  // smallest D the data can have, so a sketch's error alone never raises an alarm.
  const lower = bound ? Math.max(0, r.statistic - bound) : r.statistic;
  return {
    statistic: r.statistic,
    p_value: r.p_value,
    decision: bound ? { effect: lower, p_value: ksPValue(lower, reference.n, current.n).p_value } : undefined,
    parameters: {
      ...sampleParameters(reference, current),
      p_value_method: r.parameters.method_used === 'exact' ? 'exact' : 'asymptotic',
      ...(bound ? { statistic_error_bound: bound, decided_on: 'D minus its error bound' } : {}),
    },
  };
}

/** Wasserstein-1 as scipy's wasserstein_distance with the counts as u_weights / v_weights. */
export function wassersteinNumbers(reference: NumberSample, current: NumberSample) {
  const r = wasserstein(reference.values, current.values, { uWeights: reference.counts, vWeights: current.counts });
  const bound = reference.rankError + current.rankError;
  const lo = Math.min(reference.values[0] as number, current.values[0] as number);
  const hi = Math.max(reference.values.at(-1) as number, current.values.at(-1) as number);
  return {
    statistic: r.statistic,
    parameters: {
      ...sampleParameters(reference, current),
      // W = ∫|F − G|: a CDF error of at most `bound` everywhere moves it by at most bound × range.
      ...(bound ? { statistic_error_bound: bound * (hi - lo) } : {}),
    },
  };
}

/** Running totals of a sample's counts. */
function cumulative(sample: CountedSample): Float64Array {
  let s = 0;
  return sample.counts.map((c) => {
    s += c;
    return s;
  });
}

/** Values <= x. */
function atMost(sample: CountedSample, cum: Float64Array, x: number): number {
  let lo = 0;
  let hi = sample.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sample.values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : (cum[lo - 1] as number);
}

/** Counts in (−∞, e0], (e0, e1], …, (e_last, +∞), as the PSI of raw samples bins them. */
function countsInBins(sample: NumberSample, edges: readonly number[]): number[] {
  const cum = cumulative(sample);
  const below = [0, ...edges.map((e) => atMost(sample, cum, e)), sample.n];
  return below.slice(1).map((c, i) => c - (below[i] as number));
}

/**
 * PSI on bins at the reference's quantiles i/bins (numpy's linear quantiles of the expanded sample,
 * duplicate edges dropped), zero shares replaced by epsilon.
 */
export function psiNumbers(reference: NumberSample, current: NumberSample, bins: number, epsilon: number) {
  const cum = cumulative(reference);
  // The value at position i of the expanded, sorted reference.
  const at = (i: number) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] as number) > i) hi = mid;
      else lo = mid + 1;
    }
    return reference.values[lo] as number;
  };
  const edges = quantileEdgesAt(reference.n, at, bins);
  const r = psiFromCounts(countsInBins(reference, edges), countsInBins(current, edges), { epsilon });
  return {
    statistic: r.statistic,
    parameters: {
      ...sampleParameters(reference, current),
      binning: 'reference quantiles',
      bins: edges.length + 1,
      edges,
      epsilon,
    },
  };
}
