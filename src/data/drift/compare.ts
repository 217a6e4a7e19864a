// The dataset-level comparison: every column of either side, compared under one policy, and whether
// the dataset as a whole drifted (the share of drifted columns against the dataset threshold).
import { type ColumnDrift, type ColumnPlan, compareColumn, isComparable, planColumn } from './columns.js';
import { type DriftOptions, type DriftPolicy, describePolicy, resolvePolicy } from './policy.js';
import type { DriftSide } from './side.js';

export interface DriftReport {
  columns: ColumnDrift[];
  /** Drifted columns / compared columns (0 when none was compared). */
  drifted_share: number;
  dataset_drift: boolean;
  policy: ReturnType<typeof describePolicy>;
}

/** Every column of either side, the reference's first in its order, with what can be compared. */
export function planColumns(reference: DriftSide, current: DriftSide, policy: DriftPolicy): ColumnPlan[] {
  const names = new Set([...Object.keys(reference.profile.columns), ...Object.keys(current.profile.columns)]);
  return [...names].map((name) => planColumn(name, reference, current, policy));
}

/** Compares current against reference, column by column. */
export function compareSides(reference: DriftSide, current: DriftSide, options: DriftOptions = {}): DriftReport {
  const policy = resolvePolicy(options);
  const plans = planColumns(reference, current, policy);
  const m = plans.filter(isComparable).length;
  const columns = plans.map((plan) => compareColumn(plan, policy, m));
  const drifted = columns.filter((c) => c.drifted).length;
  const share = m ? drifted / m : 0;
  return {
    columns,
    drifted_share: share,
    dataset_drift: m > 0 && share >= policy.datasetThreshold,
    policy: describePolicy(policy, m),
  };
}
