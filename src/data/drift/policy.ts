// When a column counts as drifted (DESIGN §6). A test alone flags tiny, harmless differences once the
// samples are large, and an effect size alone flags noise when they are small; so by default a column
// drifts when its effect size exceeds a threshold AND the difference is significant, with the
// significance level divided by the number of columns compared (Bonferroni), so that comparing many
// columns does not multiply false alarms. Distance methods have no p-value: statistic >= threshold.
import type { ItemType } from '../../descriptors/vocabulary.js';
import { familyOf } from '../profile/column.js';

/** Methods by the name the command line and the JSON use. */
export const DRIFT_METHODS = ['ks', 'wasserstein', 'psi', 'chi-square', 'jensen-shannon'] as const;
export type DriftMethod = (typeof DRIFT_METHODS)[number];

/** What a column's values are, for choosing a method: numbers (and datetimes) or categories. */
export type ValueKind = 'numbers' | 'categories';

/** integer, float, datetime: numbers; category, string, boolean: categories; the rest: not compared. */
export function valueKind(type: ItemType): ValueKind | null {
  const family = familyOf(type);
  if (family === 'number' || family === 'datetime') return 'numbers';
  if (family === 'text' || family === 'boolean') return 'categories';
  return null;
}

/** The kinds each method applies to. */
export const METHOD_KINDS: Record<DriftMethod, readonly ValueKind[]> = {
  ks: ['numbers'],
  wasserstein: ['numbers'],
  psi: ['numbers', 'categories'],
  'chi-square': ['categories'],
  'jensen-shannon': ['categories'],
};

/** The method of a column when none is forced. */
export const DEFAULT_METHODS: Record<ValueKind, DriftMethod> = { numbers: 'ks', categories: 'chi-square' };

/** Tests: drifted when effect > threshold and p < alpha / m. */
export type TestMethod = 'ks' | 'chi-square';
export function isTest(method: DriftMethod): method is TestMethod {
  return method === 'ks' || method === 'chi-square';
}

/** The effect size a test is gated by. */
export const EFFECT_SIZES: Record<TestMethod, 'ks_statistic' | 'jensen_shannon'> = {
  ks: 'ks_statistic',
  'chi-square': 'jensen_shannon',
};

/**
 * Default thresholds: of the effect size for tests (KS D; Jensen-Shannon distance for chi-square),
 * of the statistic for distances. Wasserstein's is a multiple of the reference standard deviation.
 * KS D is the largest gap between the two CDFs: 0.02 means that for some value the share of rows at
 * or below it moved by two percentage points, which matters to a model whose decision sits at that
 * value (a delay of 15 minutes), while random halves of a million rows differ by about 0.001.
 */
export const DEFAULT_THRESHOLDS: Record<DriftMethod, number> = {
  ks: 0.02,
  'chi-square': 0.1,
  'jensen-shannon': 0.1,
  wasserstein: 0.1,
  psi: 0.2,
};

/**
 * Family-wise significance level. A monitor compares every window, so 5% per comparison would raise a
 * false alarm every twenty windows; 1% keeps the per-column rate at 1% / m.
 */
export const DEFAULT_ALPHA = 0.01;
/** Dataset drift when at least this share of the compared columns drifted. */
export const DEFAULT_DATASET_THRESHOLD = 0.5;
/** Wasserstein: the reference standard deviation used when the reference is constant. */
export const WASSERSTEIN_MIN_STD = 0.001;

/** Names the settings accept for each method (dovetail.yaml `settings.drift`). */
export const METHOD_NAMES: Record<string, DriftMethod> = {
  ks: 'ks',
  'kolmogorov-smirnov': 'ks',
  wasserstein: 'wasserstein',
  psi: 'psi',
  'chi-square': 'chi-square',
  chi2: 'chi-square',
  'jensen-shannon': 'jensen-shannon',
  js: 'jensen-shannon',
};

/** One column's own method and threshold. */
export interface ColumnDriftOptions {
  method?: DriftMethod;
  threshold?: number;
}

export interface DriftOptions {
  /** Force this method on every column it applies to; the others keep their default. */
  method?: DriftMethod;
  /** Significance level before the correction. Default 0.01. */
  alpha?: number;
  /** Replaces the default threshold of the effect size (tests) or of the statistic (distances). */
  threshold?: number;
  /** Share of drifted columns from which the dataset counts as drifted. Default 0.5. */
  datasetThreshold?: number;
  /** Per column (by the reference's name): its method, when it applies to the column, and threshold. */
  columns?: Record<string, ColumnDriftOptions>;
}

export interface DriftPolicy {
  method: DriftMethod | null;
  alpha: number;
  threshold: number | null;
  datasetThreshold: number;
  columns: Record<string, ColumnDriftOptions>;
}

/** The options with their defaults; throws a RangeError naming the option when a value is out of range. */
export function resolvePolicy(options: DriftOptions = {}): DriftPolicy {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha ${alpha}: expected a number between 0 and 1`);
  const threshold = options.threshold ?? null;
  if (threshold !== null && !(threshold >= 0 && Number.isFinite(threshold)))
    throw new RangeError(`threshold ${threshold}: expected a number >= 0`);
  const datasetThreshold = options.datasetThreshold ?? DEFAULT_DATASET_THRESHOLD;
  if (!(datasetThreshold >= 0 && datasetThreshold <= 1))
    throw new RangeError(`dataset threshold ${datasetThreshold}: expected a share between 0 and 1`);
  const method = options.method ?? null;
  if (method !== null && !DRIFT_METHODS.includes(method))
    throw new RangeError(`method ${method}: expected one of ${DRIFT_METHODS.join(', ')}`);
  const columns = options.columns ?? {};
  for (const [name, c] of Object.entries(columns)) {
    if (c.method !== undefined && !DRIFT_METHODS.includes(c.method))
      throw new RangeError(`column ${name}: method ${c.method}: expected one of ${DRIFT_METHODS.join(', ')}`);
    if (c.threshold !== undefined && !(c.threshold >= 0 && Number.isFinite(c.threshold)))
      throw new RangeError(`column ${name}: threshold ${c.threshold}: expected a number >= 0`);
  }
  return { method, alpha, threshold, datasetThreshold, columns };
}

/**
 * The method for a column of this kind: the column's own when it applies, else the forced one when
 * it applies, else the default.
 */
export function methodFor(kind: ValueKind, policy: DriftPolicy, column?: string): DriftMethod {
  const own = column === undefined ? undefined : policy.columns[column]?.method;
  if (own && METHOD_KINDS[own].includes(kind)) return own;
  return policy.method && METHOD_KINDS[policy.method].includes(kind) ? policy.method : DEFAULT_METHODS[kind];
}

/**
 * The threshold of a method's effect size or statistic: the column's own; else --threshold, which
 * applies to the forced method, or to all; else the method's default.
 */
export function thresholdFor(method: DriftMethod, policy: DriftPolicy, column?: string): number {
  const own = column === undefined ? undefined : policy.columns[column]?.threshold;
  if (own !== undefined) return own;
  const applies = policy.threshold !== null && (policy.method === null || policy.method === method);
  return applies ? (policy.threshold as number) : DEFAULT_THRESHOLDS[method];
}

/** The p-value threshold of a test when m columns are compared (Bonferroni). */
export function pValueThreshold(policy: DriftPolicy, m: number): number {
  return policy.alpha / Math.max(m, 1);
}

export const POLICY_RULE =
  'a column drifts when its effect size exceeds the threshold and its p-value is below alpha / m ' +
  '(Bonferroni over the m columns compared); for a distance method, when the distance is at or above ' +
  'the threshold. From KLL sketches, KS decides on D minus its error bound and on the p-value of that D. ' +
  'The dataset drifts when the share of drifted columns is at or above the dataset threshold.';

/** A method with its threshold, as the report states it. */
export type MethodDescription =
  | { method: TestMethod; effect_size: 'ks_statistic' | 'jensen_shannon'; effect_threshold: number }
  | { method: Exclude<DriftMethod, TestMethod>; threshold: number; threshold_unit?: 'reference standard deviations' };

export function describeMethod(method: DriftMethod, policy: DriftPolicy): MethodDescription {
  const threshold = thresholdFor(method, policy);
  if (isTest(method)) return { method, effect_size: EFFECT_SIZES[method], effect_threshold: threshold };
  return method === 'wasserstein'
    ? { method, threshold, threshold_unit: 'reference standard deviations' }
    : { method, threshold };
}

/** The policy as the report states it. */
export function describePolicy(policy: DriftPolicy, m: number) {
  return {
    name: policy.method ? `${policy.method} where it applies, default elsewhere` : 'default',
    rule: POLICY_RULE,
    numbers: describeMethod(methodFor('numbers', policy), policy),
    categories: describeMethod(methodFor('categories', policy), policy),
    alpha: policy.alpha,
    correction: 'bonferroni' as const,
    m,
    p_value_threshold: pValueThreshold(policy, m),
    dataset_threshold: policy.datasetThreshold,
    ...(Object.keys(policy.columns).length ? { columns: policy.columns } : {}),
  };
}
