// Comparing two summaries of one field (training vs production) with stated tolerances. Today the
// summaries are the statistics people write in descriptors; when profiles exist, `compareSummaries` is
// where statistical tests (KS, chi-square, PSI, DESIGN §6) take over, behind the same result shape.

import { round } from '../../descriptors/units.js';
import type { statisticProperties } from '../../descriptors/vocabulary.js';
import { squash } from '../../descriptors/vocabulary.js';
import type { Severity } from '../types.js';

export type StatisticProperty = (typeof statisticProperties.values)[number];

/** One field's summary: each statistic by its canonical property. */
export type FieldSummary = Partial<Record<StatisticProperty, number | string>>;

export interface StatisticDrift {
  property: StatisticProperty;
  training: number | string;
  production: number | string;
  /** The measured difference: `0.80 training std`, `ratio 1.63`. */
  measure: string;
  /** The method and its thresholds: `location shift in training std: warning ≥ 0.2, error ≥ 0.5`. */
  method: string;
  severity: Severity;
}

/** Tolerances, by kind of statistic. Warning and error thresholds of each measure. */
export const TOLERANCES = {
  /** Location (mean, median, quartiles, trimean, min, max): |difference| / training standard deviation. */
  standardizedShift: { warning: 0.2, error: 0.5 },
  /** Location when no spread is known, and entropy: |difference| / larger absolute value. */
  relativeDifference: { warning: 0.1, error: 0.25 },
  /** Spread (std, IQR; variance via its square root): larger / smaller. */
  spreadRatio: { warning: 1.25, error: 1.5 },
  skew: { warning: 0.5, error: 1 },
  kurtosis: { warning: 1, error: 2 },
  gini: { warning: 0.1, error: 0.2 },
  /** Missing share, in percentage points (a share of 0–1; values above 1 are read as percentages). */
  missingPoints: { warning: 5, error: 20 },
} as const;

const LOCATION = new Set<StatisticProperty>(['mean', 'median', 'trimean', 'q1', 'q3', 'min', 'max']);

function grade(value: number, t: { warning: number; error: number }): Severity | undefined {
  if (value >= t.error) return 'error';
  if (value >= t.warning) return 'warning';
  return undefined;
}

function method(name: string, t: { warning: number; error: number }): string {
  return `${name}: warning ≥ ${t.warning}, error ≥ ${t.error}`;
}

/** The training standard deviation: given, from the variance, or estimated from the IQR (normal: σ ≈ IQR / 1.349). */
function spreadOf(s: FieldSummary): number | undefined {
  const num = (p: StatisticProperty) => (typeof s[p] === 'number' ? (s[p] as number) : undefined);
  const std = num('std');
  if (std !== undefined && std > 0) return std;
  const variance = num('variance');
  if (variance !== undefined && variance > 0) return Math.sqrt(variance);
  const q1 = num('q1');
  const q3 = num('q3');
  const iqr = num('iqr') ?? (q1 !== undefined && q3 !== undefined ? q3 - q1 : undefined);
  if (iqr !== undefined && iqr > 0) return iqr / 1.349;
  return undefined;
}

function relative(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

function words(v: number | string): string {
  return squash(String(v));
}

function compareOne(
  property: StatisticProperty,
  t: number | string,
  p: number | string,
  sigma: number | undefined,
): Omit<StatisticDrift, 'property' | 'training' | 'production'> | undefined {
  if (typeof t !== 'number' || typeof p !== 'number') {
    // Words: compared without case, spaces or punctuation. A distribution type is a claim about shape;
    // other free text can only be pointed out.
    if (words(t) === words(p)) return undefined;
    return property === 'distribution-type'
      ? { measure: 'described differently', method: 'words compared without case or punctuation', severity: 'warning' }
      : { measure: 'written differently', method: 'words compared without case or punctuation', severity: 'info' };
  }
  if (t === p) return undefined;
  if (LOCATION.has(property)) {
    if (sigma !== undefined) {
      const shift = Math.abs(p - t) / sigma;
      const severity = grade(shift, TOLERANCES.standardizedShift);
      return (
        severity && {
          measure: `${shift.toFixed(2)} training std`,
          method: method('location shift in training std', TOLERANCES.standardizedShift),
          severity,
        }
      );
    }
    const rel = relative(t, p);
    const severity = grade(rel, TOLERANCES.relativeDifference);
    return (
      severity && {
        measure: `${round(rel * 100, 3)}% apart`,
        method: method('relative difference to the larger value (no training spread known)', {
          warning: TOLERANCES.relativeDifference.warning,
          error: TOLERANCES.relativeDifference.error,
        }),
        severity,
      }
    );
  }
  switch (property) {
    case 'std':
    case 'iqr':
    case 'variance': {
      const [a, b] =
        property === 'variance' ? [Math.sqrt(Math.abs(t)), Math.sqrt(Math.abs(p))] : [Math.abs(t), Math.abs(p)];
      const ratio = Math.min(a, b) === 0 ? Number.POSITIVE_INFINITY : Math.max(a, b) / Math.min(a, b);
      const severity = grade(ratio, TOLERANCES.spreadRatio);
      return (
        severity && {
          measure: `ratio ${Number.isFinite(ratio) ? round(ratio, 3) : '∞'}`,
          method: method('spread ratio (of standard deviations for variance)', TOLERANCES.spreadRatio),
          severity,
        }
      );
    }
    case 'skew':
    case 'kurtosis':
    case 'gini': {
      const diff = Math.abs(p - t);
      const severity = grade(diff, TOLERANCES[property]);
      return (
        severity && {
          measure: `${round(diff, 3)} apart`,
          method: method(`${property} difference`, TOLERANCES[property]),
          severity,
        }
      );
    }
    case 'missing-share': {
      const scale = Math.max(t, p) > 1 ? 1 : 100;
      const points = Math.abs(p - t) * scale;
      const severity = grade(points, TOLERANCES.missingPoints);
      return (
        severity && {
          measure: `${round(points, 3)} pp`,
          method: method('missing share in percentage points', TOLERANCES.missingPoints),
          severity,
        }
      );
    }
    default: {
      // entropy, other numbers
      const rel = relative(t, p);
      const severity = grade(rel, TOLERANCES.relativeDifference);
      return (
        severity && {
          measure: `${round(rel * 100, 3)}% apart`,
          method: method('relative difference to the larger value', TOLERANCES.relativeDifference),
          severity,
        }
      );
    }
  }
}

/** The statistics of `production` that differ from those of `training` beyond the tolerances. */
export function compareSummaries(training: FieldSummary, production: FieldSummary): StatisticDrift[] {
  const sigma = spreadOf(training);
  const out: StatisticDrift[] = [];
  for (const [property, t] of Object.entries(training) as [StatisticProperty, number | string][]) {
    const p = production[property];
    if (p === undefined) continue;
    const drift = compareOne(property, t, p, sigma);
    if (drift) out.push({ property, training: t, production: p, ...drift });
  }
  return out;
}
