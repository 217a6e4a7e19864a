// What the HTML report draws per compared column: the two sides' histograms on common bins, or their
// most frequent values side by side. Numbers use the profiles' power-of-two grid histograms (exact
// counts): the lattices are nested, so the finer one coarsens exactly to the coarser width. Histograms
// on caller edges are used when both sides share the edges; otherwise both sides are binned on a
// common grid from their values (exact data, or the KLL sketch's weighted items: approximate).
import { GridHistogram } from '../profile/grid.js';
import type { ColumnProfile } from '../profile/profile.js';
import { type ComparablePlan, isComparable } from './columns.js';
import { planColumns } from './compare.js';
import type { NumberSample } from './numbers.js';
import { resolvePolicy } from './policy.js';
import type { DriftSide } from './side.js';

export type ColumnChart =
  | {
      kind: 'histogram';
      datetime: boolean;
      edges: number[];
      reference: number[];
      current: number[];
      /** Counts derived from KLL sketches rather than counted. */
      approximate: boolean;
    }
  | {
      kind: 'top-values';
      labels: string[];
      reference: number[];
      current: number[];
      restReference: number;
      restCurrent: number;
    };

/** Bins the charts draw at most, and values shown. */
const CHART_BINS = 64;
const CHART_VALUES = 12;

type Bins = { edges: number[]; reference: number[]; current: number[] };

/** Two grid histograms at the coarsest level either needs, widened until their common range fits. */
export function alignGrids(a: GridHistogram, b: GridHistogram, maxBins = CHART_BINS): Bins {
  for (let level = Math.max(a.level, b.level); ; level++) {
    const ca = a.coarsened(level);
    const cb = b.coarsened(level);
    const sides = [ca, cb].filter((g) => g.counts.length);
    const lo = Math.min(...sides.map((g) => g.start));
    const hi = Math.max(...sides.map((g) => g.start + g.counts.length));
    if (hi - lo > maxBins) continue;
    const dense = (g: GridHistogram) => {
      const out = new Array<number>(hi - lo).fill(0);
      g.counts.forEach((c, i) => {
        out[g.start - lo + i] = c;
      });
      return out;
    };
    const w = 2 ** level;
    return {
      edges: Array.from({ length: hi - lo + 1 }, (_, i) => (lo + i) * w),
      reference: dense(ca),
      current: dense(cb),
    };
  }
}

function gridOf(column: ColumnProfile): GridHistogram | undefined {
  const h = column.histogram;
  return h?.grid ? GridHistogram.fromJSON({ ...h, grid: h.grid }) : undefined;
}

function gridFromSample(sample: NumberSample, minLevel: number): GridHistogram {
  const g = new GridHistogram({ maxBins: CHART_BINS, minLevel });
  sample.values.forEach((v, i) => {
    g.add(v, sample.counts[i] as number);
  });
  return g;
}

function histogram(plan: ComparablePlan & { kind: 'numbers' }, current: ColumnProfile): ColumnChart {
  const [r, c] = plan.samples;
  const base = { kind: 'histogram' as const, datetime: plan.type === 'datetime' };
  const gr = gridOf(plan.reference);
  const gc = gridOf(current);
  if (gr?.counts.length && gc?.counts.length) return { ...base, ...alignGrids(gr, gc), approximate: false };
  const hr = plan.reference.histogram;
  const hc = current.histogram;
  if (hr && hc && !hr.grid && !hc.grid && hr.edges.join() === hc.edges.join())
    return { ...base, edges: hr.edges, reference: hr.counts, current: hc.counts, approximate: false };
  const minLevel = plan.type === 'float' ? -60 : 0;
  return {
    ...base,
    ...alignGrids(gridFromSample(r, minLevel), gridFromSample(c, minLevel)),
    approximate: !(r.exact && c.exact),
  };
}

function topValues(plan: ComparablePlan & { kind: 'categories' }): ColumnChart {
  const [r, c] = plan.samples;
  const share = (s: typeof r, v: string) => (s.counts.get(v) ?? 0) / s.n;
  const labels = [...new Set([...r.counts.keys(), ...c.counts.keys()])]
    .sort((a, b) => Math.max(share(r, b), share(c, b)) - Math.max(share(r, a), share(c, a)) || (a < b ? -1 : 1))
    .slice(0, CHART_VALUES);
  const reference = labels.map((v) => r.counts.get(v) ?? 0);
  const current = labels.map((v) => c.counts.get(v) ?? 0);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    kind: 'top-values',
    labels,
    reference,
    current,
    restReference: r.n - sum(reference),
    restCurrent: c.n - sum(current),
  };
}

/** The chart of every column that can be compared, by column name. */
export function columnCharts(reference: DriftSide, current: DriftSide): Map<string, ColumnChart> {
  const charts = new Map<string, ColumnChart>();
  for (const plan of planColumns(reference, current, resolvePolicy()).filter(isComparable)) {
    const cur = current.profile.columns[plan.name] as ColumnProfile;
    charts.set(plan.name, plan.kind === 'numbers' ? histogram(plan, cur) : topValues(plan));
  }
  return charts;
}
