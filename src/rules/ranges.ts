// Value ranges of a field or an item (item_specification): what one side may send beyond what the
// other accepts. `reference` is what the consumer knows or accepts (the training data, a pipeline or
// downstream input), `actual` what the producer sends (production data, an upstream or model output).
// Only bounds both sides state are compared. The api and data-schema rules compare with it; the
// groups and words below are how the data-schema rules report.
import type { TrainingField } from './facts.js';
import { listSome } from './wording.js';

export type ItemSpecification = NonNullable<TrainingField['item_specification']>;

export type RangeAspect = 'min_value' | 'max_value' | 'allowed_values' | 'min_length' | 'max_length';

export interface RangeProblem {
  aspect: RangeAspect;
  reference: number | readonly (string | number | boolean)[];
  actual: number | readonly (string | number | boolean)[];
  /** For allowed_values: the production values the reference lacks. */
  unseen?: string[];
  /** The numeric ranges do not overlap at all. */
  disjoint?: boolean;
}

export function rangeProblems(
  reference: ItemSpecification | undefined,
  actual: ItemSpecification | undefined,
): RangeProblem[] {
  if (!reference || !actual) return [];
  const out: RangeProblem[] = [];
  const { min_value: rMin, max_value: rMax } = reference;
  const { min_value: aMin, max_value: aMax } = actual;
  const disjoint =
    (aMin !== undefined && rMax !== undefined && aMin > rMax) ||
    (aMax !== undefined && rMin !== undefined && aMax < rMin);
  if (aMin !== undefined && rMin !== undefined && aMin < rMin) {
    out.push({ aspect: 'min_value', reference: rMin, actual: aMin, disjoint });
  }
  if (aMax !== undefined && rMax !== undefined && aMax > rMax) {
    out.push({ aspect: 'max_value', reference: rMax, actual: aMax, disjoint });
  }
  if (reference.allowed_values && actual.allowed_values) {
    const known = new Set(reference.allowed_values.map((v) => String(v).trim()));
    const unseen = actual.allowed_values.map((v) => String(v).trim()).filter((v) => !known.has(v));
    if (unseen.length > 0) {
      out.push({
        aspect: 'allowed_values',
        reference: reference.allowed_values,
        actual: actual.allowed_values,
        unseen,
      });
    }
  }
  if (
    actual.min_length !== undefined &&
    reference.min_length !== undefined &&
    actual.min_length < reference.min_length
  ) {
    out.push({ aspect: 'min_length', reference: reference.min_length, actual: actual.min_length });
  }
  if (
    actual.max_length !== undefined &&
    reference.max_length !== undefined &&
    actual.max_length > reference.max_length
  ) {
    out.push({ aspect: 'max_length', reference: reference.max_length, actual: actual.max_length });
  }
  return out;
}

/** Ranges and values sorted by aspect into one numeric range, one set of values and one length range. */
export interface RangeGroup {
  key: 'range' | 'values' | 'length';
  problems: RangeProblem[];
}

export function groupRangeProblems(problems: readonly RangeProblem[]): RangeGroup[] {
  const groups: RangeGroup[] = [];
  const by = (key: RangeGroup['key'], aspects: RangeAspect[]) => {
    const found = problems.filter((p) => aspects.includes(p.aspect));
    if (found.length > 0) groups.push({ key, problems: found });
  };
  by('range', ['min_value', 'max_value']);
  by('values', ['allowed_values']);
  by('length', ['min_length', 'max_length']);
  return groups;
}

/** What production sends beyond the reference, and what the reference covers, in words. */
export function describeRange(group: RangeGroup): { actual: string; reference: string } {
  const parts = group.problems.map((p): { actual: string; reference: string } => {
    if (p.aspect === 'min_value') return { actual: `values down to ${p.actual}`, reference: `at least ${p.reference}` };
    if (p.aspect === 'max_value') return { actual: `values up to ${p.actual}`, reference: `at most ${p.reference}` };
    if (p.aspect === 'min_length') {
      return { actual: `text as short as ${p.actual} characters`, reference: `at least ${p.reference} characters` };
    }
    if (p.aspect === 'max_length') {
      return { actual: `text up to ${p.actual} characters`, reference: `at most ${p.reference} characters` };
    }
    const unseen = p.unseen ?? [];
    const count = Array.isArray(p.reference) ? p.reference.length : 0;
    return {
      actual: `the value${unseen.length > 1 ? 's' : ''} ${listSome(unseen)}`,
      reference: `only ${count} other value${count === 1 ? '' : 's'}`,
    };
  });
  return { actual: parts.map((p) => p.actual).join(' and '), reference: parts.map((p) => p.reference).join(' and ') };
}

/** Path of the bound(s) a group is about, inside an item specification. */
export function rangePath(group: RangeGroup): string[] {
  return group.problems.length === 1 && group.problems[0]
    ? ['item_specification', group.problems[0].aspect]
    : ['item_specification'];
}

/**
 * Share of a production value list the reference lacks below which new values are only worth knowing:
 * a code list that grew by a few codes (two new airports among 229) is churn the pipeline usually maps to
 * "unknown"; a list that differs by more is another encoding.
 */
export const NEW_VALUES_WARNING_SHARE = 0.05;

/** How bad a group of range problems is: ranges that do not overlap are an error. */
export function rangeSeverity(group: RangeGroup): 'error' | 'warning' | 'info' {
  if (group.problems.some((p) => p.disjoint)) return 'error';
  const values = group.problems.find((p) => p.aspect === 'allowed_values');
  if (values && Array.isArray(values.actual) && values.actual.length > 0) {
    return (values.unseen?.length ?? 0) / values.actual.length < NEW_VALUES_WARNING_SHARE ? 'info' : 'warning';
  }
  return 'warning';
}
