// Distribution distances. Each result names its convention and parameters, because monitoring tools
// use the same word for different numbers (PSI's binning and empty-bin rule, JS's log base).
import type { StatResult } from './types.js';

type Num = ArrayLike<number>;

function normalise(counts: Num, what: string): Float64Array {
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const v = counts[i] as number;
    if (!(Number.isFinite(v) && v >= 0)) throw new Error(`${what}: counts must be finite and non-negative`);
    s += v;
  }
  if (!(s > 0)) throw new Error(`${what}: counts sum to zero`);
  return Float64Array.from(counts, (v) => v / s);
}

function sameLength(p: Num, q: Num, what: string): void {
  if (p.length !== q.length) throw new Error(`${what}: inputs differ in length`);
}

/** scipy.special.rel_entr: x·ln(x/y), 0 when x = 0, +∞ when x > 0 = y. */
function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.POSITIVE_INFINITY;
}

// ---------------------------------------------------------------------------------------------------
// Jensen-Shannon

export interface JsParameters {
  /** Log base; null means natural log (scipy's base=None). */
  base: number | null;
  categories: number;
}

/**
 * Jensen-Shannon *distance* as scipy.spatial.distance.jensenshannon(p, q, base): inputs are normalised
 * to sum 1, JS = sqrt((KL(p‖m) + KL(q‖m)) / 2 / ln(base)), m = (p+q)/2. Range [0, √ln2] in nats,
 * [0, 1] in base 2. TFDV's "JSD" is the square of the base-2 value.
 */
export function jensenShannon(p: Num, q: Num, options: { base?: number | null } = {}): StatResult<JsParameters> {
  sameLength(p, q, 'jensenShannon');
  const base = options.base ?? null;
  const pn = normalise(p, 'jensenShannon');
  const qn = normalise(q, 'jensenShannon');
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const a = pn[i] as number;
    const b = qn[i] as number;
    const m = (a + b) / 2;
    left += relEntr(a, m);
    right += relEntr(b, m);
  }
  let js = left + right;
  if (base !== null) js /= Math.log(base);
  return {
    method: 'jensen_shannon_distance',
    statistic: Math.sqrt(js / 2),
    parameters: { base, categories: pn.length },
  };
}

// ---------------------------------------------------------------------------------------------------
// Hellinger and L-infinity on category frequencies

export interface CategoricalParameters {
  categories: number;
}

/**
 * Hellinger distance H = sqrt(1 − Σ sqrt(p_i q_i)) = ‖√p − √q‖₂ / √2 on normalised frequencies, so
 * H ∈ [0, 1]; the convention of Evidently, NannyML and whylogs (the √2-less form would range to √2).
 */
export function hellinger(p: Num, q: Num): StatResult<CategoricalParameters> {
  sameLength(p, q, 'hellinger');
  const pn = normalise(p, 'hellinger');
  const qn = normalise(q, 'hellinger');
  // Summing squared differences of roots avoids cancellation in 1 − BC when p ≈ q.
  let s = 0;
  for (let i = 0; i < pn.length; i++) {
    const d = Math.sqrt(pn[i] as number) - Math.sqrt(qn[i] as number);
    s += d * d;
  }
  return { method: 'hellinger', statistic: Math.sqrt(s / 2), parameters: { categories: pn.length } };
}

/** L∞ = max_i |p_i − q_i| over normalised category frequencies (TFDV infinity_norm, NannyML l_infinity). */
export function lInfinity(p: Num, q: Num): StatResult<CategoricalParameters & { argmax: number }> {
  sameLength(p, q, 'lInfinity');
  const pn = normalise(p, 'lInfinity');
  const qn = normalise(q, 'lInfinity');
  let best = 0;
  let at = -1;
  for (let i = 0; i < pn.length; i++) {
    const d = Math.abs((pn[i] as number) - (qn[i] as number));
    if (d > best || at < 0) {
      best = d;
      at = i;
    }
  }
  return { method: 'l_infinity', statistic: best, parameters: { categories: pn.length, argmax: at } };
}

// ---------------------------------------------------------------------------------------------------
// Wasserstein-1

export interface WassersteinParameters {
  p: 1;
  weighted: boolean;
  n_u: number;
  n_v: number;
}

function sortedWithWeights(values: Num, weights: Num | undefined, what: string): { v: Float64Array; cw: Float64Array } {
  const n = values.length;
  if (n === 0) throw new Error(`${what}: empty distribution`);
  if (weights && weights.length !== n) throw new Error(`${what}: weights and values differ in length`);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (const v of Array.from(values)) if (!Number.isFinite(v)) throw new Error(`${what}: values must be finite`);
  // stable sort by value (numpy argsort is quicksort, but ties only reorder equal values: same CDF)
  idx.sort((a, b) => (values[a] as number) - (values[b] as number));
  const v = Float64Array.from(idx, (i) => values[i] as number);
  const cw = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    const w = weights ? (weights[idx[k] as number] as number) : 1;
    if (!(Number.isFinite(w) && w >= 0)) throw new Error(`${what}: weights must be finite and non-negative`);
    cw[k + 1] = (cw[k] as number) + w;
  }
  if (!((cw[n] as number) > 0)) throw new Error(`${what}: weights sum to zero`);
  return { v, cw };
}

/**
 * 1-D Wasserstein-1 (earth mover's) distance as scipy.stats.wasserstein_distance(u, v, uw, vw):
 * ∫|U − V| dx, summed over the merged sorted values as Σ |ΔCDF|·Δx; weights are normalised to sum 1.
 */
export function wasserstein(
  u: Num,
  v: Num,
  options: { uWeights?: Num; vWeights?: Num } = {},
): StatResult<WassersteinParameters> {
  const U = sortedWithWeights(u, options.uWeights, 'wasserstein');
  const V = sortedWithWeights(v, options.vWeights, 'wasserstein');
  const all = new Float64Array(U.v.length + V.v.length);
  all.set(U.v);
  all.set(V.v, U.v.length);
  all.sort();
  const uTot = U.cw[U.v.length] as number;
  const vTot = V.cw[V.v.length] as number;
  const unweightedU = !options.uWeights;
  const unweightedV = !options.vWeights;
  let iu = 0;
  let iv = 0;
  let s = 0;
  for (let k = 0; k < all.length - 1; k++) {
    const x = all[k] as number;
    while (iu < U.v.length && (U.v[iu] as number) <= x) iu++;
    while (iv < V.v.length && (V.v[iv] as number) <= x) iv++;
    const ucdf = unweightedU ? iu / U.v.length : (U.cw[iu] as number) / uTot;
    const vcdf = unweightedV ? iv / V.v.length : (V.cw[iv] as number) / vTot;
    s += Math.abs(ucdf - vcdf) * ((all[k + 1] as number) - x);
  }
  return {
    method: 'wasserstein_distance',
    statistic: s,
    parameters: { p: 1, weighted: !(unweightedU && unweightedV), n_u: U.v.length, n_v: V.v.length },
  };
}

// ---------------------------------------------------------------------------------------------------
// Population Stability Index

export const PSI_DEFAULT_EPSILON = 1e-4;
export const PSI_DEFAULT_QUANTILE_BINS = 10;

export interface PsiParameters {
  /** 'counts' (caller binned), 'quantile' (reference quantiles) or 'edges' (given edges). */
  binning: 'counts' | 'quantile' | 'edges';
  /** Interior bin edges used (empty for 'counts'); bins are (−∞, e0], (e0, e1], …, (e_last, +∞). */
  edges: number[];
  bins: number;
  /** Zero shares are replaced by epsilon (no renormalisation). */
  epsilon: number;
  empty_bin_rule: 'replace_zero_share_with_epsilon';
}

/**
 * numpy.quantile default ('linear', type 7) of n sorted values read through `at(i)` (an array, or a
 * sample stored as values with counts): virtual index (n−1)·q, interpolated with numpy's two-sided
 * lerp (a + (b−a)·t below t = 0.5, b − (b−a)·(1−t) from 0.5) so edges match bit for bit.
 */
function quantileAt(n: number, q: number, at: (i: number) => number): number {
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const t = pos - lo;
  const a = at(lo);
  const b = at(Math.min(lo + 1, n - 1));
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Reference-quantile edges: the k−1 interior quantiles i/k, duplicates (from ties) removed. */
export function quantileEdges(reference: Num, bins = PSI_DEFAULT_QUANTILE_BINS): number[] {
  const s = Float64Array.from(reference).sort();
  return quantileEdgesAt(s.length, (i) => s[i] as number, bins);
}

/** quantileEdges of n sorted values read through `at(i)`. */
export function quantileEdgesAt(n: number, at: (i: number) => number, bins = PSI_DEFAULT_QUANTILE_BINS): number[] {
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = quantileAt(n, i / bins, at);
    if (edges.length === 0 || e > (edges[edges.length - 1] as number)) edges.push(e);
  }
  return edges;
}

/** Counts per bin (−∞, e0], (e0, e1], …, (e_last, +∞): a value equal to an edge goes to the lower bin. */
export function binCounts(values: Num, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((edges[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo] = (counts[lo] as number) + 1;
  }
  return counts;
}

/** PSI = Σ (c_i − r_i)·ln(c_i / r_i) over shares, after the empty-bin rule. */
export function psiFromCounts(
  reference: Num,
  current: Num,
  options: { epsilon?: number } = {},
): StatResult<PsiParameters> {
  sameLength(reference, current, 'psi');
  const eps = options.epsilon ?? PSI_DEFAULT_EPSILON;
  const r = normalise(reference, 'psi');
  const c = normalise(current, 'psi');
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = (r[i] as number) === 0 ? eps : (r[i] as number);
    const ci = (c[i] as number) === 0 ? eps : (c[i] as number);
    s += (ci - ri) * Math.log(ci / ri);
  }
  return {
    method: 'psi',
    statistic: s,
    parameters: {
      binning: 'counts',
      edges: [],
      bins: r.length,
      epsilon: eps,
      empty_bin_rule: 'replace_zero_share_with_epsilon',
    },
  };
}

/**
 * PSI on raw numeric samples. Binning: given `edges`, else `bins` (default 10) equal-frequency bins from
 * the reference quantiles (numpy 'linear' quantiles, duplicate edges dropped); outer bins are open.
 * NaNs are ignored. Empty bins: zero shares replaced by epsilon (default 1e-4).
 */
export function psi(
  reference: Num,
  current: Num,
  options: { edges?: readonly number[]; bins?: number; epsilon?: number } = {},
): StatResult<PsiParameters> {
  const ref = Float64Array.from(reference).filter((v) => !Number.isNaN(v));
  const edges = options.edges ? [...options.edges] : quantileEdges(ref, options.bins ?? PSI_DEFAULT_QUANTILE_BINS);
  const r = psiFromCounts(binCounts(ref, edges), binCounts(current, edges), options);
  return {
    ...r,
    parameters: { ...r.parameters, binning: options.edges ? 'edges' : 'quantile', edges, bins: edges.length + 1 },
  };
}
