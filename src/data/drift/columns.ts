// One column's comparison: which values it has on each side, the method that fits them, the
// statistic, and the decision under the policy. A column that cannot be compared is listed with a
// note saying why, and does not count among the m columns of the correction.
import type { ItemType } from '../../descriptors/vocabulary.js';
import type { ColumnProfile } from '../profile/profile.js';
import { PSI_DEFAULT_EPSILON, PSI_DEFAULT_QUANTILE_BINS } from '../stats/index.js';
import {
  type CategorySample,
  categorySample,
  chiSquareCategories,
  jensenShannonCategories,
  psiCategories,
} from './categories.js';
import { ksNumbers, type NumberSample, numberSample, psiNumbers, wassersteinNumbers } from './numbers.js';
import {
  type DriftMethod,
  type DriftPolicy,
  EFFECT_SIZES,
  isTest,
  methodFor,
  pValueThreshold,
  thresholdFor,
  valueKind,
  WASSERSTEIN_MIN_STD,
} from './policy.js';
import type { DriftSide } from './side.js';

/** One column of the report (the JSON contract: name, type, method, statistic, p_value, threshold, drifted). */
export interface ColumnDrift {
  name: string;
  type: string;
  method: DriftMethod | null;
  statistic: number | null;
  /** The test's own p-value (null for distances); the correction shows in `threshold`. */
  p_value: number | null;
  /** Tests: the corrected p-value threshold alpha / m. Distances: the distance threshold. */
  threshold: number | null;
  drifted: boolean;
  /** Tests: the effect size that must exceed its threshold as well. */
  effect_size?: { name: 'ks_statistic' | 'jensen_shannon'; value: number; threshold: number };
  parameters?: Record<string, unknown>;
  note?: string;
}

/** A column ready to compare: its values on both sides and the method that fits them. */
export type ComparablePlan = {
  name: string;
  type: ItemType;
  method: DriftMethod;
  reference: ColumnProfile;
  note?: string;
} & (
  | { kind: 'numbers'; samples: [NumberSample, NumberSample] }
  | { kind: 'categories'; samples: [CategorySample, CategorySample] }
);

export type ColumnPlan = ComparablePlan | { name: string; type: string; note: string };

export function isComparable(plan: ColumnPlan): plan is ComparablePlan {
  return 'method' in plan;
}

/** What can be compared in column `name`, and with which method. */
export function planColumn(name: string, reference: DriftSide, current: DriftSide, policy: DriftPolicy): ColumnPlan {
  const ref = reference.profile.columns[name];
  const cur = current.profile.columns[name];
  if (!ref || !cur) {
    const type = (ref ?? cur)?.type ?? 'other';
    return { name, type, note: ref ? 'only in the reference' : 'only in the current data' };
  }
  const type = ref.type as ItemType;
  const kind = valueKind(type);
  const curKind = valueKind(cur.type as ItemType);
  if (kind === null || curKind === null)
    return { name, type, note: `${kind ? cur.type : type} values are not compared` };
  if (kind !== curKind) return { name, type, note: `type ${type} in the reference, ${cur.type} in the current data` };
  const note = type === cur.type ? {} : { note: `type ${type} in the reference, ${cur.type} in the current data` };
  const method = methodFor(kind, policy, name);
  const empty = (r: unknown, c: unknown) =>
    !r ? 'no values in the reference' : !c ? 'no values in the current data' : undefined;
  if (kind === 'numbers') {
    const r = numberSample(ref, reference.exact?.get(name));
    const c = numberSample(cur, current.exact?.get(name));
    if (!r || !c) return { name, type, note: empty(r, c) as string };
    return { name, type, method, reference: ref, kind, samples: [r, c], ...note };
  }
  const r = categorySample(ref, reference.exact?.get(name));
  const c = categorySample(cur, current.exact?.get(name));
  if (!r || !c) return { name, type, note: empty(r, c) as string };
  return { name, type, method, reference: ref, kind, samples: [r, c], ...note };
}

/** The statistic of the plan's method, with its effect size for tests. */
interface Measured {
  statistic: number;
  p_value?: number;
  effect?: number;
  /** What drift is decided on when it differs from the statistic (the lower bound of a sketch's D). */
  decision?: { effect: number; p_value: number };
  parameters: object;
}

function measure(plan: ComparablePlan): Measured {
  if (plan.kind === 'numbers') {
    const [r, c] = plan.samples;
    if (plan.method === 'ks') {
      const ks = ksNumbers(r, c);
      return { ...ks, effect: ks.statistic };
    }
    if (plan.method === 'wasserstein') return wassersteinNumbers(r, c);
    // PSI as usually defined: 10 bins at the reference's deciles, empty shares replaced by 1e-4.
    return psiNumbers(r, c, PSI_DEFAULT_QUANTILE_BINS, PSI_DEFAULT_EPSILON);
  }
  const [r, c] = plan.samples;
  if (plan.method === 'chi-square') return chiSquareCategories(r, c);
  if (plan.method === 'jensen-shannon') return jensenShannonCategories(r, c);
  return psiCategories(r, c, PSI_DEFAULT_EPSILON);
}

/** Compares one column under the policy, m being the number of columns compared. */
export function compareColumn(plan: ColumnPlan, policy: DriftPolicy, m: number): ColumnDrift {
  if (!isComparable(plan)) {
    return { ...plan, method: null, statistic: null, p_value: null, threshold: null, drifted: false };
  }
  const { name, type, method } = plan;
  const { statistic, p_value, effect, decision, parameters } = measure(plan);
  const base = { name, type, method, statistic };
  const note = plan.note ? { note: plan.note } : {};
  if (isTest(method)) {
    const threshold = pValueThreshold(policy, m);
    const effectThreshold = thresholdFor(method, policy, name);
    return {
      ...base,
      p_value: p_value as number,
      threshold,
      drifted:
        (decision?.effect ?? (effect as number)) > effectThreshold &&
        (decision?.p_value ?? (p_value as number)) < threshold,
      effect_size: { name: EFFECT_SIZES[method], value: effect as number, threshold: effectThreshold },
      parameters: { ...parameters, alpha: policy.alpha, correction: 'bonferroni', m },
      ...note,
    };
  }
  let threshold = thresholdFor(method, policy, name);
  let scale = {};
  if (method === 'wasserstein') {
    // In the column's units: the factor times the reference's standard deviation (population).
    const std = Math.max(Math.sqrt(plan.reference.variance ?? 0), WASSERSTEIN_MIN_STD);
    scale = { threshold_factor: threshold, normed_by: 'reference std', reference_std: std };
    threshold *= std;
  }
  return {
    ...base,
    p_value: null,
    threshold,
    drifted: statistic >= threshold,
    parameters: { ...parameters, ...scale },
    ...note,
  };
}
