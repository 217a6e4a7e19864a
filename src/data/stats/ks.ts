// Two-sample Kolmogorov-Smirnov test, two-sided, matching scipy.stats.ks_2samp (scipy 1.17).
// Exact p-values follow scipy's lattice-path computation (Hodges 1958, with Viehmann's 1-p recursion);
// asymptotic p-values use the one-sample Kolmogorov distribution kstwo at the effective n, as scipy does
// since 1.5. Written from the published algorithms; scipy is BSD-licensed.
import { kstwoSf } from './kolmogorov.js';
import type { StatResult } from './types.js';

/** scipy's MAX_AUTO_N: 'auto' is exact when max(n1, n2) <= this. */
export const KS_MAX_AUTO_N = 10000;

export type KsMethod = 'auto' | 'exact' | 'asymp';

export interface KsOptions {
  /** 'auto' (default) = exact when max(n1, n2) <= 10000, else asymptotic. */
  method?: KsMethod;
  /** Inputs are already sorted ascending and NaN-free: skip the copy and the sort. */
  sorted?: boolean;
  /**
   * scipy's default nan_policy is 'propagate': any NaN makes statistic and p-value NaN.
   * 'omit' drops NaNs first (scipy nan_policy='omit'); 'raise' throws.
   */
  nanPolicy?: 'propagate' | 'omit' | 'raise';
}

export interface KsParameters {
  alternative: 'two-sided';
  /** The method requested. */
  method: KsMethod;
  /** The method actually used ('exact' falls back to 'asymp' if the exact count fails). */
  method_used: 'exact' | 'asymp';
  n1: number;
  n2: number;
  /** round(n1·n2/(n1+n2)): the n of kstwo on the asymptotic path. */
  effective_n: number;
  /** Value at which D is attained, and +1 if F1 − F2 is maximal there, −1 if F2 − F1. */
  statistic_location: number;
  statistic_sign: 1 | -1;
  fallback_reason?: string;
}

export type KsResult = StatResult<KsParameters> & { p_value: number };

type Num = ArrayLike<number>;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** numpy's np.round: round half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function prepare(a: Num, opts: KsOptions): Float64Array | null {
  if (opts.sorted) return a instanceof Float64Array ? a : Float64Array.from(a);
  let out = Float64Array.from(a);
  let nan = 0;
  for (const v of out) if (Number.isNaN(v)) nan++;
  if (nan > 0) {
    const policy = opts.nanPolicy ?? 'propagate';
    if (policy === 'raise') throw new Error('ks_2samp: input contains NaN');
    if (policy === 'propagate') return null;
    out = out.filter((v) => !Number.isNaN(v));
  }
  return out.sort();
}

/**
 * D as scipy computes it: ECDF differences at every pooled value (searchsorted side='right', so ties
 * are counted together), argmax/argmin taking the first position in concat(sorted1, sorted2).
 * With `xCounts`/`yCounts`, x[i] stands for xCounts[i] equal values (frequency weights): D is then
 * that of the expanded samples, with the same floating-point operations (integer counts / n).
 */
export function ksStatistic(
  x: Float64Array,
  y: Float64Array,
  xCounts?: ArrayLike<number>,
  yCounts?: ArrayLike<number>,
): { d: number; location: number; sign: 1 | -1 } {
  const n1 = xCounts ? total(xCounts) : x.length;
  const n2 = yCounts ? total(yCounts) : y.length;
  let maxS = Number.NEGATIVE_INFINITY;
  let maxLoc = Number.NaN;
  let minS = Number.POSITIVE_INFINITY;
  let minLoc = Number.NaN;
  const scan = (vals: Float64Array) => {
    let i1 = 0;
    let i2 = 0;
    let c1 = 0;
    let c2 = 0;
    for (let k = 0; k < vals.length; k++) {
      const v = vals[k] as number;
      for (; i1 < x.length && (x[i1] as number) <= v; i1++) c1 += xCounts ? (xCounts[i1] as number) : 1;
      for (; i2 < y.length && (y[i2] as number) <= v; i2++) c2 += yCounts ? (yCounts[i2] as number) : 1;
      const diff = c1 / n1 - c2 / n2;
      if (diff > maxS) {
        maxS = diff;
        maxLoc = v;
      }
      if (diff < minS) {
        minS = diff;
        minLoc = v;
      }
    }
  };
  scan(x);
  scan(y);
  const negMin = Math.min(Math.max(-minS, 0), 1);
  return negMin > maxS ? { d: negMin, location: minLoc, sign: -1 } : { d: maxS, location: maxLoc, sign: 1 };
}

function total(counts: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) s += counts[i] as number;
  return s;
}

/** Pr(D_{n,n} >= h/n) for equal sizes, Horner form of the alternating binomial series. */
export function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

/**
 * Proportion of lattice paths (0,0)→(m,n) that leave the band |x/m − y/n| < h/lcm, i.e.
 * Pr(D >= h/lcm); one sliding column, recursion on 1 − p to avoid cancellation.
 */
export function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  let m = m0;
  let n = n0;
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = ((A[jj + minj - lastminj] as number) * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1] as number;
}

/** Exact two-sided p-value; d is snapped to the lattice h/lcm as scipy does. */
function attemptExact(n1: number, n2: number, g: number, d: number): { ok: boolean; d: number; p: number } {
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const dd = h / lcm;
  if (h === 0) return { ok: true, d: dd, p: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  // scipy falls back to asymp when the result is not a probability (overflow, NaN).
  if (!(p >= 0 && p <= 1)) return { ok: false, d: dd, p };
  return { ok: true, d: dd, p };
}

/** round(n1·n2/(n1+n2)): the n of kstwo on the asymptotic path. */
function effectiveN(n1: number, n2: number): number {
  return roundHalfEven((Math.max(n1, n2) * Math.min(n1, n2)) / (n1 + n2));
}

/** The result for a statistic found on samples of sizes n1 and n2. */
function ksResult(
  stat: { d: number; location: number; sign: 1 | -1 },
  n1: number,
  n2: number,
  method: KsMethod,
): KsResult {
  const r = ksPValue(stat.d, n1, n2, method);
  const parameters: KsParameters = {
    alternative: 'two-sided',
    method,
    n1,
    n2,
    effective_n: effectiveN(n1, n2),
    method_used: r.method_used,
    statistic_location: stat.location,
    statistic_sign: stat.sign,
  };
  if (r.fallback_reason) parameters.fallback_reason = r.fallback_reason;
  return { method: 'ks_2samp', statistic: r.statistic, p_value: r.p_value, parameters };
}

/**
 * Two-sample two-sided KS test as scipy.stats.ks_2samp(x, y, method).
 * Throws on an empty sample (as scipy). With NaN and nanPolicy 'propagate' returns NaN statistic/p.
 */
export function ks2samp(data1: Num, data2: Num, options: KsOptions = {}): KsResult {
  const method = options.method ?? 'auto';
  const x = prepare(data1, options);
  const y = prepare(data2, options);
  const n1 = x ? x.length : data1.length;
  const n2 = y ? y.length : data2.length;
  if (Math.min(n1, n2) === 0) throw new Error('ks_2samp: data must not be empty');
  if (!x || !y) {
    return {
      method: 'ks_2samp',
      statistic: Number.NaN,
      p_value: Number.NaN,
      parameters: {
        alternative: 'two-sided',
        method,
        n1,
        n2,
        effective_n: effectiveN(n1, n2),
        method_used: method === 'asymp' ? 'asymp' : 'exact',
        statistic_location: Number.NaN,
        statistic_sign: 1,
      },
    };
  }
  return ksResult(ksStatistic(x, y), n1, n2, method);
}

export interface KsPValue {
  /** D as ks_2samp reports it: on the exact path snapped to the lattice h/lcm(n1, n2). */
  statistic: number;
  p_value: number;
  method_used: 'exact' | 'asymp';
  fallback_reason?: string;
}

/**
 * The two-sided p-value of a KS statistic `d` for sample sizes n1 and n2, as ks_2samp computes it:
 * it depends on nothing else, so a D found another way (from counts, from sketches) gets scipy's
 * p-value. 'auto' is exact when max(n1, n2) <= 10000, asymptotic (kstwo at the effective n) above.
 */
export function ksPValue(d: number, n1: number, n2: number, method: KsMethod = 'auto'): KsPValue {
  const g = gcd(n1, n2);
  let statistic = d;
  let used: 'exact' | 'asymp' = method === 'auto' ? (Math.max(n1, n2) <= KS_MAX_AUTO_N ? 'exact' : 'asymp') : method;
  let fallback: string | undefined;
  if (method === 'exact' && n1 / g >= 2147483647 / (n2 / g)) {
    used = 'asymp';
    fallback = 'lcm(n1, n2) too large for the exact computation';
  }
  let p = Number.NaN;
  if (used === 'exact') {
    const r = attemptExact(n1, n2, g, d);
    statistic = r.d;
    if (r.ok) p = r.p;
    else {
      used = 'asymp';
      fallback = 'exact computation unsuccessful';
    }
  }
  if (used === 'asymp') p = kstwoSf(statistic, effectiveN(n1, n2));
  const out: KsPValue = { statistic, p_value: Math.min(Math.max(p, 0), 1), method_used: used };
  if (fallback) out.fallback_reason = fallback;
  return out;
}

/** A sample as ascending values with their counts (frequency weights, positive integers). */
export interface CountedSample {
  values: Float64Array;
  counts: Float64Array;
}

/**
 * ks_2samp on samples given as ascending values with counts: the statistic and p-value of ks2samp on
 * the expanded samples, without expanding them (n = the sum of the counts).
 */
export function ks2sampCounts(x: CountedSample, y: CountedSample, options: { method?: KsMethod } = {}): KsResult {
  const n1 = total(x.counts);
  const n2 = total(y.counts);
  if (Math.min(n1, n2) === 0) throw new Error('ks_2samp: data must not be empty');
  return ksResult(ksStatistic(x.values, y.values, x.counts, y.counts), n1, n2, options.method ?? 'auto');
}
