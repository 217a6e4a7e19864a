// Metrics as goals, results and monitoring write them: the kind of a freely named metric, which way
// it is healthy, whether a value meets a target, and the result a trained model reports for it (test
// first, then evaluation; a rate from its complement). Shared by the requirements and monitoring rules.
import type { Descriptor } from '../descriptors/system.js';
import { LOWER_IS_BETTER, type MetricId, metrics, type Operator, squash } from '../descriptors/vocabulary.js';

/** Values closer than this count as equal: results and baselines are written with a few decimals. */
export const EPSILON = 1e-9;

export type Goal = NonNullable<Descriptor<'system-context'>['data']['goals']>[number];
type Evaluated = NonNullable<Descriptor<'trained-model'>['data']['test_metrics']>[number];

/**
 * The kind of a monitored metric from its free name: `recall-7d` and `Recall (weekly)` are recall.
 * Tries the whole name, then shorter and shorter prefixes of its words.
 */
export function metricKind(name: string): MetricId | undefined {
  const whole = metrics.normalize(name);
  if (whole) return whole;
  const words = name.split(/[\s\-_/()@:]+/).filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) {
    const found = metrics.normalize(words.slice(0, n).join(' '));
    if (found && found !== 'other') return found;
  }
  return undefined;
}

/** The operator a metric is naturally judged by when nobody wrote one: `<=` for error rates, `>=` for the rest. */
export function naturalOperator(metric: MetricId): Operator {
  return LOWER_IS_BETTER.has(metric) ? '<=' : '>=';
}

/** The operator a goal is judged by: its own, or its metric's natural one (none for an `other` metric). */
export function goalOperator(goal: Goal): Operator | undefined {
  if (goal.operator) return goal.operator;
  return goal.metric && goal.metric !== 'other' ? naturalOperator(goal.metric) : undefined;
}

/** `higher` when a larger value is healthier under `op`, `lower` for the opposite, undefined for == and !=. */
export function direction(op: Operator): 'higher' | 'lower' | undefined {
  if (op === '>' || op === '>=') return 'higher';
  if (op === '<' || op === '<=') return 'lower';
  return undefined;
}

/** Whether `value op target` holds, with `EPSILON` of slack for floating-point noise. */
export function satisfies(value: number, op: Operator, target: number): boolean {
  switch (op) {
    case '>':
      return value > target + EPSILON;
    case '>=':
      return value >= target - EPSILON;
    case '<':
      return value < target - EPSILON;
    case '<=':
      return value <= target + EPSILON;
    case '==':
      return Math.abs(value - target) <= EPSILON;
    case '!=':
      return Math.abs(value - target) > EPSILON;
  }
}

/** Name of a goal's or a result's metric for messages: the canonical id, or the free name of an `other` metric. */
export function metricName(entry: { metric?: MetricId; other_metric?: string }): string | undefined {
  if (!entry.metric) return undefined;
  return entry.metric === 'other' ? entry.other_metric : entry.metric;
}

/** Metrics that are one minus another: a false-negative rate is known once recall is. */
const COMPLEMENT: Partial<Record<MetricId, MetricId>> = {
  recall: 'false-negative-rate',
  'false-negative-rate': 'recall',
  specificity: 'false-positive-rate',
  'false-positive-rate': 'specificity',
};

export interface ModelResult {
  value: number;
  source: 'test' | 'evaluation';
  list: 'test_metrics' | 'evaluation_metrics';
  index: number;
  /** Set when the value was derived as 1 − the result of this metric. */
  complementOf?: MetricId;
  /** The reported result the value comes from. */
  reported: number;
}

function sameMetric(entry: Evaluated, metric: MetricId, otherName: string | undefined): boolean {
  if (entry.metric !== metric) return false;
  if (metric !== 'other') return true;
  return (
    otherName !== undefined && entry.other_metric !== undefined && squash(entry.other_metric) === squash(otherName)
  );
}

/**
 * The model's result for a metric: its test result if it has one (the test set is the unbiased
 * estimate), else its evaluation result; a rate is derived from its complement (FNR = 1 − recall)
 * when only the complement is reported.
 */
export function resultOf(
  model: Descriptor<'trained-model'>,
  metric: MetricId,
  otherName?: string,
): ModelResult | undefined {
  const sources = [
    ['test', 'test_metrics'],
    ['evaluation', 'evaluation_metrics'],
  ] as const;
  for (const [source, list] of sources) {
    const entries = model.data[list] ?? [];
    const direct = entries.findIndex((e) => sameMetric(e, metric, otherName));
    const found = entries[direct];
    if (found) return { value: found.result, reported: found.result, source, list, index: direct };
    const complement = COMPLEMENT[metric];
    if (!complement) continue;
    const other = entries.findIndex((e) => e.metric === complement);
    const derived = entries[other];
    if (derived) {
      const value = Number((1 - derived.result).toFixed(12));
      return { value, reported: derived.result, source, list, index: other, complementOf: complement };
    }
  }
  return undefined;
}

/** `test recall of 0.42`, or `test false-negative-rate of 0.44 (1 − test recall 0.56)`. */
export function describeResult(metric: string, r: ModelResult): string {
  const base = `${r.source} ${metric} of ${r.value}`;
  return r.complementOf ? `${base} (1 − ${r.source} ${r.complementOf} ${r.reported})` : base;
}
