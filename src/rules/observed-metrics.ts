// Metrics in operation: those events report (their `metrics`, averaged over a span of windows) and
// those the monitor computes from ground truth joined to predictions (confusion counts summed over a
// span). A computed metric is a proportion k/n, given with its Wilson score interval, so the rules
// judge it by what the sample can show: a recall of 0.4 from 10 flights is not evidence of anything.
import { Moments } from '../data/sketch/moments.js';
import type { Descriptor } from '../descriptors/system.js';
import type { MetricId, Operator } from '../descriptors/vocabulary.js';
import type { Facts } from './facts.js';
import { direction, satisfies } from './metrics.js';
import { type ModelObserved, recent, sumConfusion } from './observed.js';

/** Two-sided confidence of the intervals, and its normal quantile. */
export const CONFIDENCE = 0.99;
const Z = 2.5758293035489004;

export interface ComputedMetric {
  metric: MetricId;
  value: number;
  /** Wilson score interval at CONFIDENCE. */
  low: number;
  high: number;
  /** Successes and trials of the proportion. */
  k: number;
  n: number;
  /** Windows the counts come from. */
  windows: number;
}

export interface ReportedMetric {
  mean: number;
  /** Values events reported. */
  count: number;
  windows: number;
}

/** Wilson score interval of k successes in n trials (n > 0). */
export function wilson(k: number, n: number, z = Z): { low: number; high: number } {
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The proportions a binary confusion matrix gives, as [successes, trials] from tp, fp, tn, fn. */
const PROPORTIONS: Partial<Record<MetricId, (c: Cells) => [number, number]>> = {
  accuracy: (c) => [c.tp + c.tn, c.tp + c.tn + c.fp + c.fn],
  recall: (c) => [c.tp, c.tp + c.fn],
  precision: (c) => [c.tp, c.tp + c.fp],
  specificity: (c) => [c.tn, c.tn + c.fp],
  npv: (c) => [c.tn, c.tn + c.fn],
  'false-positive-rate': (c) => [c.fp, c.fp + c.tn],
  'false-negative-rate': (c) => [c.fn, c.fn + c.tp],
};

interface Cells {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Whether the monitor can compute this metric from confusion counts. */
export function computable(metric: MetricId | undefined): metric is MetricId {
  return metric !== undefined && PROPORTIONS[metric] !== undefined;
}

/** The positive class: the one the settings name, else `true`, else `1`, among the classes seen. */
function positiveClass(classes: ReadonlySet<string>, declared: string | undefined): string {
  if (declared !== undefined) return declared;
  return classes.has('1') && !classes.has('true') ? '1' : 'true';
}

/** The span (ms) a declared metric is computed over: its `window`, else the latest window alone. */
export function spanOf(window: number | undefined, observed: ModelObserved): number {
  if (window !== undefined && window > 0) return window;
  return Date.parse(observed.latest.window.end) - Date.parse(observed.latest.window.start);
}

/** A proportion metric from the ground truth of the windows within `spanMs`; undefined without ground truth. */
export function computedMetric(
  facts: Facts,
  model: Descriptor<'trained-model'>,
  metric: MetricId,
  spanMs: number,
): ComputedMetric | undefined {
  const observed = facts.observed(model);
  const proportion = PROPORTIONS[metric];
  if (!observed || !proportion) return undefined;
  const digests = recent(observed.history, spanMs);
  const counts = sumConfusion(digests);
  if (!counts) return undefined;
  const settings = facts.system.project?.settings?.classification ?? [];
  const declared = settings.find((s) => s.model === model.name) ?? settings.find((s) => s.model === undefined);
  const classes = new Set([...Object.keys(counts), ...Object.values(counts).flatMap((row) => Object.keys(row))]);
  const positive = positiveClass(classes, declared?.positive);
  const cells: Cells = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const [actual, row] of Object.entries(counts)) {
    for (const [predicted, n] of Object.entries(row)) {
      const key = actual === positive ? (predicted === positive ? 'tp' : 'fn') : predicted === positive ? 'fp' : 'tn';
      cells[key] += n;
    }
  }
  const [k, n] = proportion(cells);
  if (n === 0) return undefined;
  const windows = digests.reduce((sum, d) => sum + (d.confusion ? d.windows : 0), 0);
  return { metric, value: k / n, ...wilson(k, n), k, n, windows };
}

/** The mean of a metric events reported in the windows within `spanMs`; undefined when none did. */
export function reportedMetric(observed: ModelObserved, name: string, spanMs: number): ReportedMetric | undefined {
  const parts = recent(observed.history, spanMs).flatMap((d) => {
    const summary = d.metrics[name];
    return summary?.count ? [{ summary, windows: d.windows }] : [];
  });
  if (!parts.length) return undefined;
  const m = parts.reduce((acc, p) => acc.merge(Moments.fromJSON(p.summary.moments)), new Moments());
  return { mean: m.mean, count: m.n, windows: parts.reduce((sum, p) => sum + p.windows, 0) };
}

/** Whether an interval lies wholly where `op threshold` fails (== and != are judged on the value alone). */
export function intervalBreaks(
  c: { value: number; low: number; high: number },
  op: Operator,
  threshold: number,
): boolean {
  const d = direction(op);
  if (d === 'higher') return !satisfies(c.high, op, threshold);
  if (d === 'lower') return !satisfies(c.low, op, threshold);
  return !satisfies(c.value, op, threshold);
}

/** `recall 0.41 (99% Wilson interval 0.35–0.47; 129 of 312, 12 windows)` */
export function describeComputed(name: string, c: ComputedMetric): string {
  const r = (x: number) => Number(x.toFixed(3));
  return `${name} ${r(c.value)} (${CONFIDENCE * 100}% Wilson interval ${r(c.low)}–${r(c.high)}; ${c.k} of ${c.n} from ground truth, ${c.windows} window${c.windows === 1 ? '' : 's'})`;
}
