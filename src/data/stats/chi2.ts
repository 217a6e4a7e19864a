// Chi-square test of independence on a 2×k table [reference counts; current counts], matching
// scipy.stats.chi2_contingency(observed, correction=True) with Pearson's statistic. This is the
// contingency test (both samples random), not Evidently's chisquare goodness-of-fit, which treats the
// reference as exact and overstates significance.
import { chi2Sf } from './gamma.js';
import type { StatResult } from './types.js';

export interface Chi2Options {
  /** Yates continuity correction, applied only when dof == 1 (scipy's rule). Default true. */
  correction?: boolean;
}

export interface Chi2Parameters {
  dof: number;
  correction: boolean;
  /** Whether Yates was actually applied (correction && dof == 1). */
  yates_applied: boolean;
  /** Categories kept (absent on both sides are dropped) and their original indices. */
  categories: number;
  kept_indices: number[];
  n_reference: number;
  n_current: number;
  /** Expected counts from the margins, rows = [reference, current]. */
  expected: [number[], number[]];
}

export type Chi2Result = StatResult<Chi2Parameters> & { p_value: number };

/**
 * chi2_contingency on the 2×k table formed by two aligned count vectors.
 * Columns that are zero in both rows are dropped (scipy would raise on their zero expected value).
 * Throws if a row is empty (all zeros) or a count is negative/non-finite, as scipy does.
 */
export function chi2Contingency(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: Chi2Options = {},
): Chi2Result {
  const correction = options.correction ?? true;
  if (reference.length !== current.length) throw new Error('chi2Contingency: count vectors differ in length');
  const kept: number[] = [];
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] as number;
    const c = current[i] as number;
    if (!(Number.isFinite(r) && Number.isFinite(c) && r >= 0 && c >= 0)) {
      throw new Error('chi2Contingency: counts must be finite and non-negative');
    }
    if (r !== 0 || c !== 0) kept.push(i);
  }
  const obs: [number[], number[]] = [kept.map((i) => reference[i] as number), kept.map((i) => current[i] as number)];
  const rowSum = obs.map((row) => row.reduce((s, v) => s + v, 0));
  const r0 = rowSum[0] as number;
  const r1 = rowSum[1] as number;
  if (r0 === 0 || r1 === 0)
    throw new Error('chi2Contingency: a sample has no observations (zero expected frequencies)');
  const total = r0 + r1;
  const k = kept.length;
  const colSum = kept.map((_, j) => (obs[0][j] as number) + (obs[1][j] as number));
  // scipy: expected = outer(row sums, col sums) / total (reduce over the other axis, then divide)
  const expected: [number[], number[]] = [colSum.map((c) => (r0 * c) / total), colSum.map((c) => (r1 * c) / total)];
  // dof = size − Σshape + ndim − 1 = 2k − (2 + k) + 1 = k − 1
  const dof = k - 1;
  const params = (yates: boolean): Chi2Parameters => ({
    dof,
    correction,
    yates_applied: yates,
    categories: k,
    kept_indices: kept,
    n_reference: r0,
    n_current: r1,
    expected,
  });
  if (dof === 0) return { method: 'chi2_contingency', statistic: 0, p_value: 1, parameters: params(false) };
  const yates = correction && dof === 1;
  let stat = 0;
  for (let r = 0; r < 2; r++) {
    for (let j = 0; j < k; j++) {
      let o = (obs[r] as number[])[j] as number;
      const e = (expected[r] as number[])[j] as number;
      if (yates) {
        // move each observed value toward expected by min(0.5, |e − o|)
        const diff = e - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      stat += ((o - e) * (o - e)) / e;
    }
  }
  return { method: 'chi2_contingency', statistic: stat, p_value: chi2Sf(stat, dof), parameters: params(yates) };
}
