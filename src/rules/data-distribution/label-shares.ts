// Comparing two label distributions (raw vs training, training vs production) with stated tolerances:
// per label in percentage points and as a ratio, and over the whole distribution as PSI.
import { round } from '../../descriptors/units.js';
import { labelKey } from '../match.js';
import { type Severity, worst } from '../types.js';

export interface SharePair {
  label: string;
  /** Percentage (0–100) in the reference data (raw or training). */
  reference: number;
  /** Percentage (0–100) in the compared data (training or production). */
  current: number;
  referenceIndex: number;
  currentIndex: number;
}

/** A label and its share, as distributions list them. */
export interface LabelShare {
  label: string;
  percentage: number;
}

/**
 * The labels of a reference distribution paired with the same labels in a compared one. `keyOf` says
 * which compared label a reference entry stands for (its own label, or a mapping to production's).
 */
export function labelPairs<R extends LabelShare>(
  reference: readonly R[],
  current: readonly LabelShare[],
  keyOf: (entry: R) => string = (entry) => labelKey(entry.label),
): SharePair[] {
  const pairs: SharePair[] = [];
  for (const [referenceIndex, entry] of reference.entries()) {
    const currentIndex = current.findIndex((c) => labelKey(c.label) === keyOf(entry));
    const match = current[currentIndex];
    if (match) {
      pairs.push({
        label: entry.label,
        reference: entry.percentage,
        current: match.percentage,
        referenceIndex,
        currentIndex,
      });
    }
  }
  return pairs;
}

export const LABEL_TOLERANCES = {
  /** Absolute difference of one label's share, in percentage points. */
  points: { warning: 5, error: 15 },
  /** A label whose share changes by this factor or more, when the larger share is at least `ratioFloor` %. */
  ratio: 2,
  ratioFloor: 1,
  /** Population stability index over the matched labels; the usual 0.1 / 0.25 rule of thumb. */
  psi: { warning: 0.1, error: 0.25 },
  /** Share used in place of 0 in the PSI logarithm. */
  epsilon: 1e-4,
} as const;

export interface ShareComparison {
  psi: number;
  /** Labels whose share differs beyond the per-label tolerances. */
  drifted: SharePair[];
  severity?: Severity;
  /** The labels and measures in words, thresholds included. */
  text: string;
}

export function psi(pairs: readonly SharePair[]): number {
  const e = LABEL_TOLERANCES.epsilon;
  return pairs.reduce((sum, p) => {
    const r = Math.max(p.reference / 100, e);
    const c = Math.max(p.current / 100, e);
    return sum + (c - r) * Math.log(c / r);
  }, 0);
}

function labelSeverity(p: SharePair): Severity | undefined {
  const t = LABEL_TOLERANCES;
  const points = Math.abs(p.current - p.reference);
  if (points >= t.points.error) return 'error';
  if (points >= t.points.warning) return 'warning';
  const hi = Math.max(p.current, p.reference);
  const lo = Math.min(p.current, p.reference);
  if (hi >= t.ratioFloor && (lo === 0 || hi / lo >= t.ratio)) return 'warning';
  return undefined;
}

export function compareShares(pairs: readonly SharePair[]): ShareComparison {
  const t = LABEL_TOLERANCES;
  const index = psi(pairs);
  const psiSeverity: Severity | undefined =
    index >= t.psi.error ? 'error' : index >= t.psi.warning ? 'warning' : undefined;
  const drifted = pairs.filter((p) => labelSeverity(p) !== undefined);
  const severity = worst([psiSeverity, ...drifted.map(labelSeverity)]);
  const shown = drifted.length > 0 ? drifted : pairs;
  const labels = shown
    .map((p) => {
      const d = p.current - p.reference;
      return `\`${p.label}\` ${round(p.reference)}% → ${round(p.current)}% (${d >= 0 ? '+' : '−'}${round(Math.abs(d), 3)} pp)`;
    })
    .join(', ');
  const text = `${labels}; PSI ${round(index, 2)} (warning at PSI ≥ ${t.psi.warning}, ≥ ${t.points.warning} pp or a ×${t.ratio} change of a label of ≥ ${t.ratioFloor}%; error at PSI ≥ ${t.psi.error} or ≥ ${t.points.error} pp)`;
  return { psi: index, drifted, severity, text };
}
