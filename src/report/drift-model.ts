// What every format of a drift comparison renders: the comparison, what was compared, and the
// sentences that state the outcome and the policy the same way in text and HTML.
import type { ColumnDrift } from '../data/drift/columns.js';
import type { DriftReport } from '../data/drift/compare.js';
import type { MethodDescription } from '../data/drift/policy.js';
import { ksPValue } from '../data/stats/index.js';

export interface DriftSideInfo {
  /** The file as given. */
  path: string;
  /** A data file read in full, or a profile of one. */
  input: 'data' | 'profile';
  rows: number;
}

/** The JSON document `dovetail compare --format json` prints. */
export interface DriftDocument extends DriftReport {
  reference: DriftSideInfo;
  current: DriftSideInfo;
  tool: { name: string; version: string };
}

/** 1 when the dataset drifted, as `check` exits 1 on findings at or above --fail-on. */
export function driftExitCode(d: DriftReport): 0 | 1 {
  return d.dataset_drift ? 1 : 0;
}

/** A number as people read it: 4 significant digits, exponent for the very small and very large. */
export function formatNumber(x: number | null): string {
  if (x === null) return '';
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a < 1e-3 || a >= 1e7 ? x.toExponential(2) : String(+x.toPrecision(4));
}

function percent(share: number): string {
  return `${+(share * 100).toFixed(1)}%`;
}

/** "1 of 5 columns drifted (20%): no dataset drift (threshold 50%)". */
export function outcome(d: DriftReport): string {
  const compared = d.policy.m;
  const drifted = d.columns.filter((c) => c.drifted).length;
  const verdict = d.dataset_drift ? 'dataset drift' : 'no dataset drift';
  return `${drifted} of ${compared} compared column${compared === 1 ? '' : 's'} drifted (${percent(d.drifted_share)}): ${verdict} (threshold ${percent(d.policy.dataset_threshold)})`;
}

const EFFECT_LABEL = { ks_statistic: 'KS D', jensen_shannon: 'JS distance' } as const;

/** How one method decides, e.g. "ks (drift when KS D > 0.02 and p < 0.002)". */
function rule(m: MethodDescription, pThreshold: number): string {
  if ('effect_size' in m)
    return `${m.method} (drift when ${EFFECT_LABEL[m.effect_size]} > ${m.effect_threshold} and p < ${formatNumber(pThreshold)})`;
  if (m.threshold_unit)
    return `${m.method} (drift when the distance >= ${m.threshold} × the reference standard deviation)`;
  return `${m.method} (drift when the ${m.method === 'psi' ? 'PSI' : 'distance'} >= ${m.threshold})`;
}

/** What a KS test from sketches decided on: D minus its error bound, and the p-value of that D. */
export interface LowerBoundDecision {
  bound: number;
  effect: number;
  p_value: number;
}

/** The lower bound a column's drift was decided on (KS from KLL sketches), as the comparison computed it. */
export function lowerBoundDecision(c: ColumnDrift): LowerBoundDecision | undefined {
  const p = c.parameters ?? {};
  if (c.method !== 'ks' || p.decided_on === undefined || typeof p.statistic_error_bound !== 'number') return undefined;
  const bound = p.statistic_error_bound;
  const effect = Math.max(0, (c.statistic as number) - bound);
  return { bound, effect, p_value: ksPValue(effect, p.n_reference as number, p.n_current as number).p_value };
}

/** The policy in one sentence. */
export function policyText(d: DriftReport): string {
  const p = d.policy;
  const tests = 'effect_size' in p.numbers || 'effect_size' in p.categories;
  const lower = d.columns.some((c) => lowerBoundDecision(c) !== undefined);
  return (
    `${p.name === 'default' ? 'Default policy' : `Policy ${p.name}`}: numbers by ${rule(p.numbers, p.p_value_threshold)}, ` +
    `categories by ${rule(p.categories, p.p_value_threshold)}` +
    (tests ? `; p-value threshold = alpha ${p.alpha} / ${p.m} columns compared (Bonferroni).` : '.') +
    (lower ? ' From KLL sketches, KS decides on D minus its error bound and on the p-value of that D.' : '')
  );
}

/**
 * The effect a test is gated by, e.g. "KS D 0.025 > 0.02"; from sketches, D minus its error bound
 * against the threshold, e.g. "KS D 0.03 − 0.033 ≤ 0.02".
 */
export function effectText(c: ColumnDrift): string {
  if (!c.effect_size) return '';
  const e = c.effect_size;
  const lower = lowerBoundDecision(c);
  const value = lower ? `${formatNumber(e.value)} − ${formatNumber(lower.bound)}` : formatNumber(e.value);
  return `${EFFECT_LABEL[e.name]} ${value} ${(lower?.effect ?? e.value) > e.threshold ? '>' : '≤'} ${e.threshold}`;
}

/** "drift decided on D − 0.033 = 0 (p-value 1)", for a column decided on the lower bound of D. */
export function lowerBoundText(c: ColumnDrift): string | undefined {
  const lower = lowerBoundDecision(c);
  if (!lower) return undefined;
  return `drift decided on D − ${formatNumber(lower.bound)} = ${formatNumber(lower.effect)} (p-value ${formatNumber(lower.p_value)})`;
}
