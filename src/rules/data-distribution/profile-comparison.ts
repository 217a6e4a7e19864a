// Two data descriptors' profiles compared as `dovetail compare` compares them (compareSides under the
// default policy): training against the production data it stands for, raw against the training
// data derived from it. Which column stands for which comes from the schemas: a training field's
// `mapping_production_data` names its production field, otherwise columns pair by name. The
// comparison is made once per system and read by the profile rules, and by the hand-written rules
// that step aside where profiles compare a field.
import type { ColumnDrift } from '../../data/drift/columns.js';
import { compareSides, type DriftReport } from '../../data/drift/compare.js';
import { type DriftOptions, valueKind } from '../../data/drift/policy.js';
import type { DriftSide } from '../../data/drift/side.js';
import type { Profile } from '../../data/profile/profile.js';
import { matchFields } from '../../data/profile/schema-columns.js';
import type { Descriptor } from '../../descriptors/system.js';
import type { ItemType } from '../../descriptors/vocabulary.js';
import { effectText, formatNumber, lowerBoundDecision, outcome } from '../../report/drift-model.js';
import { type Facts, type FieldPair, trainingFromRaw } from '../facts.js';
import type { Severity } from '../types.js';

type DataDescriptor = Descriptor<'raw-data'> | Descriptor<'training-data'> | Descriptor<'production-data'>;

/** A column of the reference profile and the column of the current profile that stands for it. */
export interface ColumnPair {
  /** The reference's column; the comparison names the pair by it. */
  reference: string;
  current: string;
  /** Index of each column's field in its descriptor's `schema`, when the schema lists it. */
  referenceField?: number;
  currentField?: number;
}

export interface ProfileComparison<
  R extends DataDescriptor = DataDescriptor,
  C extends DataDescriptor = DataDescriptor,
> {
  reference: R;
  current: C;
  pairs: ColumnPair[];
  report: DriftReport;
}

export interface Comparisons {
  trainingProduction: ProfileComparison<Descriptor<'training-data'>, Descriptor<'production-data'>>[];
  rawTraining: ProfileComparison<Descriptor<'raw-data'>, Descriptor<'training-data'>>[];
}

/**
 * The columns of two profiles that stand for each other: each reference column, through its field,
 * to the current field `target` names (the field's own name when its schema does not list it), and
 * that field's column, or else the current column of that name.
 */
function columnPairs<R extends DataDescriptor, C extends DataDescriptor>(
  reference: { descriptor: R; profile: Profile },
  current: { descriptor: C; profile: Profile },
  target: (field: NonNullable<R['data']['schema']>[number]) => string,
): ColumnPair[] {
  const referenceFields = reference.descriptor.data.schema ?? [];
  const currentFields = current.descriptor.data.schema ?? [];
  const referenceOf = matchFields(referenceFields, Object.keys(reference.profile.columns));
  const currentOf = matchFields(currentFields, Object.keys(current.profile.columns));
  const columnOfField = new Map([...currentOf].map(([column, i]) => [currentFields[i]?.field_name, column]));
  const taken = new Set<string>();
  const pairs: ColumnPair[] = [];
  for (const column of Object.keys(reference.profile.columns)) {
    const referenceField = referenceOf.get(column);
    const field = referenceField === undefined ? undefined : referenceFields[referenceField];
    const name = field ? target(field) : column;
    const match = columnOfField.get(name) ?? (Object.hasOwn(current.profile.columns, name) ? name : undefined);
    if (match === undefined || taken.has(match)) continue;
    taken.add(match);
    pairs.push({ reference: column, current: match, referenceField, currentField: currentOf.get(match) });
  }
  return pairs;
}

/** The paired columns of a profile, each under the name of its reference column. */
function sideOf(profile: Profile, pairs: readonly ColumnPair[], column: (p: ColumnPair) => string): DriftSide {
  const columns: Profile['columns'] = {};
  for (const p of pairs) {
    const c = profile.columns[column(p)];
    if (c) columns[p.reference] = c;
  }
  return { profile: { ...profile, columns } };
}

/** The drift policy of the system's `settings.drift` (the defaults of `dovetail compare` where it says nothing). */
function settingsPolicy(facts: Facts): DriftOptions {
  const drift = facts.system.project?.settings?.drift;
  if (!drift) return {};
  const { method, threshold, alpha, columns } = drift;
  return { method, threshold, alpha, columns };
}

function compared<R extends DataDescriptor, C extends DataDescriptor>(
  facts: Facts,
  reference: R,
  current: C,
  target: (field: NonNullable<R['data']['schema']>[number]) => string,
): ProfileComparison<R, C> | undefined {
  const referenceProfile = facts.profileOf(reference);
  const currentProfile = facts.profileOf(current);
  if (!referenceProfile || !currentProfile) return undefined;
  const pairs = columnPairs(
    { descriptor: reference, profile: referenceProfile },
    { descriptor: current, profile: currentProfile },
    target,
  );
  const report = compareSides(
    sideOf(referenceProfile, pairs, (p) => p.reference),
    sideOf(currentProfile, pairs, (p) => p.current),
    settingsPolicy(facts),
  );
  return { reference, current, pairs, report };
}

const cache = new WeakMap<Facts, Comparisons>();

/** Every pair of profiled descriptors the rules compare, compared once per system. */
export function profileComparisons(facts: Facts): Comparisons {
  const known = cache.get(facts);
  if (known) return known;
  const comparisons: Comparisons = {
    trainingProduction: facts
      .all('training-data')
      .flatMap((training) =>
        facts
          .productionDataOf(training)
          .flatMap(
            (production) =>
              compared(facts, training, production, (f) => f.mapping_production_data?.trim() || f.field_name) ?? [],
          ),
      ),
    rawTraining: trainingFromRaw(facts).flatMap(
      ({ raw, training }) => compared(facts, raw, training, (f) => f.field_name) ?? [],
    ),
  };
  cache.set(facts, comparisons);
  return comparisons;
}

/** Whether the profiles compare a training field with its production field (so hand-written figures step aside). */
export function comparedByProfiles(facts: Facts, pair: FieldPair): boolean {
  return profileComparisons(facts).trainingProduction.some(
    (c) =>
      c.reference === pair.training &&
      c.current === pair.production &&
      c.pairs.some(
        (p) => p.referenceField === pair.trainingIndex && p.currentField === pair.productionIndex && isCompared(c, p),
      ),
  );
}

/** The drift of a pair's columns, as the comparison found it. */
export function driftOf(comparison: ProfileComparison, pair: ColumnPair): ColumnDrift | undefined {
  return comparison.report.columns.find((c) => c.name === pair.reference);
}

/** Whether the comparison could compare a pair's columns (types that fit a method, values on both sides). */
function isCompared(comparison: ProfileComparison, pair: ColumnPair): boolean {
  return (driftOf(comparison, pair)?.method ?? null) !== null;
}

/** Drifted columns are warnings; errors when the data set drifted as a whole (where `compare` exits 1). */
export function driftSeverity(comparison: ProfileComparison): Severity {
  return comparison.report.dataset_drift ? 'error' : 'warning';
}

/**
 * A drifted column's decision in words, thresholds included, as `compare` states it: `KS D 0.03 >
 * 0.02, p 2e-199 < 0.002 (alpha 0.01, Bonferroni over 5 columns)`, D less its error bound and that
 * D's p-value when the sketches decided, and the data set's outcome when it drifted.
 */
export function driftText(comparison: ProfileComparison, drift: ColumnDrift): string {
  const { policy } = comparison.report;
  const dataset = comparison.report.dataset_drift ? `; ${outcome(comparison.report)}` : '';
  // A distance decides alone: no test, no correction.
  if (!drift.effect_size)
    return `${drift.method} ${formatNumber(drift.statistic)} ≥ ${formatNumber(drift.threshold)}${dataset}`;
  const p = lowerBoundDecision(drift)?.p_value ?? drift.p_value;
  const test = p === null ? '' : `, p ${formatNumber(p)} < ${formatNumber(drift.threshold)}`;
  return `${effectText(drift)}${test} (alpha ${policy.alpha}, Bonferroni over ${policy.m} columns)${dataset}`;
}

/**
 * Whether a training-production pair is of a label column whose values the profile counts (booleans,
 * categories, text: the label shares); a numeric label, such as a delay in minutes, is a column like
 * the others.
 */
export function isLabelPair(
  comparison: ProfileComparison<Descriptor<'training-data'>, Descriptor<'production-data'>>,
  pair: ColumnPair,
): boolean {
  const field = pair.referenceField === undefined ? undefined : comparison.reference.data.schema?.[pair.referenceField];
  const drift = driftOf(comparison, pair);
  return field?.label_field === true && drift !== undefined && valueKind(drift.type as ItemType) === 'categories';
}

/** Whether the profiles compare the label column of a training set with production's (so declared shares step aside). */
export function labelsComparedByProfiles(
  facts: Facts,
  training: Descriptor<'training-data'>,
  production: Descriptor<'production-data'>,
): boolean {
  return profileComparisons(facts).trainingProduction.some(
    (c) =>
      c.reference === training &&
      c.current === production &&
      c.pairs.some((p) => isLabelPair(c, p) && isCompared(c, p)),
  );
}
