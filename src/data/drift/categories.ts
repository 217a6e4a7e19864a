// Comparing categorical columns (categories, strings, booleans) on their value counts: exact when the
// data were read or the profile's frequent values are still under their cap. Otherwise the profile
// keeps a Misra-Gries summary: each kept count is low by at most its error bound, and by exactly that
// for a value kept from the start (every reduction subtracted from it), which the frequent values of
// a column usually are; so a kept count is taken as count + error bound. Values a summary dropped are
// unknown: the comparison keeps the values every approximate side kept and pools the rest.
import type { ColumnProfile } from '../profile/profile.js';
import { chi2Contingency, jensenShannon, psiFromCounts } from '../stats/index.js';
import type { ExactColumn } from './side.js';

export interface CategorySample {
  counts: Map<string, number>;
  /** Values in the column (not missing, not invalid). */
  n: number;
  source: 'data' | 'frequent values';
  /** Every count is exact. */
  exact: boolean;
  /** Each count is off by at most this much (0 when exact). */
  errorBound: number;
}

/** A column's value counts, or undefined when it has no values. */
export function categorySample(column: ColumnProfile, exact?: ExactColumn): CategorySample | undefined {
  if (exact?.kind === 'labels') {
    const n = [...exact.counts.values()].reduce((s, c) => s + c, 0);
    return n > 0 ? { counts: exact.counts, n, source: 'data', exact: true, errorBound: 0 } : undefined;
  }
  const f = column.frequent;
  if (!f || f.n === 0) return undefined;
  return {
    counts: new Map(f.items.map(([value, count]) => [value, count + f.errorBound])),
    n: f.n,
    source: 'frequent values',
    exact: f.errorBound === 0,
    errorBound: f.errorBound,
  };
}

/** Aligned count vectors; label null is the pooled rest (values an approximate side did not keep). */
export interface CategoryTable {
  labels: (string | null)[];
  reference: number[];
  current: number[];
}

/**
 * The 2×k table: every value of either side when both are exact (a value absent on one side counts 0
 * there), else the values kept by every approximate side plus the pooled rest.
 */
export function categoryTable(reference: CategorySample, current: CategorySample): CategoryTable {
  const approximate = [reference, current].filter((s) => !s.exact);
  const labels = approximate.length
    ? [...(approximate[0] as CategorySample).counts.keys()].filter((v) => approximate.every((s) => s.counts.has(v)))
    : [...new Set([...reference.counts.keys(), ...current.counts.keys()])];
  labels.sort();
  const row = (s: CategorySample) => labels.map((v) => s.counts.get(v) ?? 0);
  const table: CategoryTable = { labels, reference: row(reference), current: row(current) };
  // Upper-bound counts of approximate sides can sum past n: the rest is then taken as empty.
  const rest = (s: CategorySample, counts: number[]) => Math.max(0, s.n - counts.reduce((a, c) => a + c, 0));
  const restReference = rest(reference, table.reference);
  const restCurrent = rest(current, table.current);
  if (restReference > 0 || restCurrent > 0) {
    table.labels.push(null);
    table.reference.push(restReference);
    table.current.push(restCurrent);
  }
  return table;
}

/** Parameters every category comparison states: sizes, categories, where the counts come from. */
function tableParameters(reference: CategorySample, current: CategorySample, table: CategoryTable) {
  const describe = (s: CategorySample) =>
    s.source === 'data' ? 'data' : `frequent values${s.exact ? ', exact' : ', approximate (Misra-Gries)'}`;
  const pooled = table.labels.at(-1) === null;
  return {
    n_reference: reference.n,
    n_current: current.n,
    categories: table.labels.length,
    values: reference.exact && current.exact ? ('exact' as const) : ('approximate' as const),
    source: { reference: describe(reference), current: describe(current) },
    ...(reference.exact && current.exact
      ? {}
      : { count_error_bound: { reference: reference.errorBound, current: current.errorBound } }),
    ...(pooled ? { pooled_rest: true } : {}),
  };
}

/** Jensen-Shannon distance, natural log, as scipy's jensenshannon(p, q). */
export function jensenShannonCategories(reference: CategorySample, current: CategorySample) {
  const table = categoryTable(reference, current);
  return {
    statistic: jensenShannon(table.reference, table.current).statistic,
    parameters: { ...tableParameters(reference, current, table), log_base: 'e' },
  };
}

/** Chi-square on the 2×k table as scipy's chi2_contingency (Yates only at dof 1), with JS as effect size. */
export function chiSquareCategories(reference: CategorySample, current: CategorySample) {
  const table = categoryTable(reference, current);
  const r = chi2Contingency(table.reference, table.current);
  return {
    statistic: r.statistic,
    p_value: r.p_value,
    effect: jensenShannon(table.reference, table.current).statistic,
    parameters: {
      ...tableParameters(reference, current, table),
      dof: r.parameters.dof,
      yates_correction: r.parameters.yates_applied,
      effect_log_base: 'e',
    },
  };
}

/** PSI on the category shares, zero shares replaced by epsilon. */
export function psiCategories(reference: CategorySample, current: CategorySample, epsilon: number) {
  const table = categoryTable(reference, current);
  const r = psiFromCounts(table.reference, table.current, { epsilon });
  return {
    statistic: r.statistic,
    parameters: { ...tableParameters(reference, current, table), binning: 'categories', epsilon },
  };
}
