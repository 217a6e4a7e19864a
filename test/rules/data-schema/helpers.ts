// Minimal descriptors for the data-schema and data-distribution tests.
import type { Doc } from '../tester.js';

export const td = (schema: Record<string, unknown>[], extra: Record<string, unknown> = {}, name = 't'): Doc => ({
  kind: 'training-data',
  name,
  schema,
  ...extra,
});
export const pd = (schema: Record<string, unknown>[], extra: Record<string, unknown> = {}, name = 'p'): Doc => ({
  kind: 'production-data',
  name,
  schema,
  ...extra,
});
export const rd = (extra: Record<string, unknown> = {}, name = 'r'): Doc => ({ kind: 'raw-data', name, ...extra });

/** A label and its share in percent, with the production label it maps to (training data only). */
export type Share = [label: string | number | boolean, percentage: number, mapping?: string];

const distribution = (shares: Share[]) =>
  shares.map(([label, percentage, mapping]) => ({
    label,
    percentage,
    ...(mapping ? { mapping_production_data: mapping } : {}),
  }));

/** Training data `t` with a label distribution. */
export const trainingShares = (shares: Share[], extra: Record<string, unknown> = {}): Doc =>
  td([], { distribution: distribution(shares), ...extra });
/** Production data `p` with a label distribution. */
export const productionShares = (shares: Share[]): Doc => pd([], { distribution: distribution(shares) });
/** Raw data `r` with a label distribution. */
export const rawShares = (shares: Share[]): Doc => rd({ labels_distribution: distribution(shares) });
