// Shared by the data-schema and data-distribution rules: which production-data field a training-data
// field stands for, which raw data a training set comes from, units of measure and value ranges.
import type { Descriptor } from '../../descriptors/system.js';
import { squash } from '../../descriptors/vocabulary.js';
import type { Facts } from '../facts.js';

export type TrainingField = NonNullable<Descriptor<'training-data'>['data']['schema']>[number];
export type ProductionField = NonNullable<Descriptor<'production-data'>['data']['schema']>[number];
export type ItemSpecification = NonNullable<TrainingField['item_specification']>;

/**
 * The production-data field a training field stands for: its `mapping_production_data`, or, for a
 * label field with no mapping (TEC's form disables the mapping of labels), the field of the same name.
 */
export function productionNameOf(field: TrainingField): string | undefined {
  const mapping = field.mapping_production_data?.trim();
  if (mapping) return mapping;
  return field.label_field ? field.field_name : undefined;
}

export interface FieldPair {
  training: Descriptor<'training-data'>;
  trainingIndex: number;
  trainingField: TrainingField;
  production: Descriptor<'production-data'>;
  productionIndex: number;
  productionField: ProductionField;
}

/** Every training field paired with the field it stands for in every production-data descriptor that has it. */
export function fieldPairs(facts: Facts): FieldPair[] {
  const pairs: FieldPair[] = [];
  for (const training of facts.all('training-data')) {
    for (const [trainingIndex, trainingField] of (training.data.schema ?? []).entries()) {
      const target = productionNameOf(trainingField);
      if (!target) continue;
      for (const production of facts.all('production-data')) {
        const productionIndex = (production.data.schema ?? []).findIndex((f) => f.field_name === target);
        const productionField = production.data.schema?.[productionIndex];
        if (productionField)
          pairs.push({ training, trainingIndex, trainingField, production, productionIndex, productionField });
      }
    }
  }
  return pairs;
}

/** `distance` or, when production calls it something else, `distance` (production `dist_km`). */
export function pairName(pair: { trainingField: TrainingField; productionField: ProductionField }): string {
  const t = pair.trainingField.field_name;
  const p = pair.productionField.field_name;
  return t === p ? `\`${t}\`` : `\`${t}\` (production \`${p}\`)`;
}

/** Labels compare without case or surrounding spaces: `Fraud` and `fraud` are one class. */
export function labelKey(label: string): string {
  return label.trim().toLowerCase();
}

/** The raw data a training set was derived from: the one it names, or the only one. */
export function rawDataOf(facts: Facts, training: Descriptor<'training-data'>): Descriptor<'raw-data'> | undefined {
  if (training.data.raw_data) return facts.resolve('raw-data', training.data.raw_data);
  const all = facts.all('raw-data');
  return all.length === 1 ? all[0] : undefined;
}

// Units of measure. People write `miles`, `mi` and `statute miles` for one unit; a unit known here
// also has a dimension and a size, so a message can say how far apart two units are.
interface UnitInfo {
  id: string;
  dimension: string;
  /** Size in the dimension's base unit (metre, second, kilogram); absent where conversion is not a factor. */
  size?: number;
}
const UNITS: [UnitInfo, string[]][] = [
  [{ id: 'mile', dimension: 'length', size: 1609.344 }, ['mi', 'mile', 'miles', 'statute mile', 'statute miles']],
  [{ id: 'nautical mile', dimension: 'length', size: 1852 }, ['nmi', 'nautical mile', 'nautical miles']],
  [{ id: 'km', dimension: 'length', size: 1000 }, ['km', 'kms', 'kilometre', 'kilometres', 'kilometer', 'kilometers']],
  [{ id: 'm', dimension: 'length', size: 1 }, ['m', 'metre', 'metres', 'meter', 'meters']],
  [{ id: 'cm', dimension: 'length', size: 0.01 }, ['cm', 'centimetre', 'centimetres', 'centimeter', 'centimeters']],
  [{ id: 'mm', dimension: 'length', size: 0.001 }, ['mm', 'millimetre', 'millimetres', 'millimeter', 'millimeters']],
  [{ id: 'ft', dimension: 'length', size: 0.3048 }, ['ft', 'foot', 'feet']],
  [{ id: 'in', dimension: 'length', size: 0.0254 }, ['in', 'inch', 'inches']],
  [{ id: 'ms', dimension: 'time', size: 0.001 }, ['ms', 'msec', 'millisecond', 'milliseconds']],
  [{ id: 's', dimension: 'time', size: 1 }, ['s', 'sec', 'secs', 'second', 'seconds']],
  [{ id: 'min', dimension: 'time', size: 60 }, ['min', 'mins', 'minute', 'minutes']],
  [{ id: 'h', dimension: 'time', size: 3600 }, ['h', 'hr', 'hrs', 'hour', 'hours']],
  [{ id: 'day', dimension: 'time', size: 86400 }, ['d', 'day', 'days']],
  [{ id: 'g', dimension: 'mass', size: 0.001 }, ['g', 'gram', 'grams']],
  [{ id: 'kg', dimension: 'mass', size: 1 }, ['kg', 'kilogram', 'kilograms', 'kilo', 'kilos']],
  [{ id: 'lb', dimension: 'mass', size: 0.45359237 }, ['lb', 'lbs', 'pound', 'pounds']],
  [{ id: '°C', dimension: 'temperature' }, ['°c', 'c', 'degc', 'celsius', 'degree celsius', 'degrees celsius']],
  [
    { id: '°F', dimension: 'temperature' },
    ['°f', 'f', 'degf', 'fahrenheit', 'degree fahrenheit', 'degrees fahrenheit'],
  ],
  [{ id: 'K', dimension: 'temperature' }, ['k', 'kelvin']],
  [{ id: 'USD', dimension: 'currency' }, ['usd', '$', 'us dollar', 'us dollars', 'dollar', 'dollars']],
  [{ id: 'EUR', dimension: 'currency' }, ['eur', '€', 'euro', 'euros']],
  [{ id: 'GBP', dimension: 'currency' }, ['gbp', '£', 'pound sterling', 'pounds sterling']],
  [{ id: '%', dimension: 'share', size: 0.01 }, ['%', 'percent', 'per cent', 'percentage', 'pct']],
  [{ id: 'fraction', dimension: 'share', size: 1 }, ['fraction', 'ratio', 'probability', 'share', 'proportion']],
];
const UNIT_LOOKUP = new Map<string, UnitInfo>(UNITS.flatMap(([info, names]) => names.map((n) => [squash(n), info])));

function unitKey(text: string): string {
  // Free-text units compare without case, spacing or plural s: `Hours of day` = `hour of day`.
  return squash(text.replace(/(\w{3,})s\b/g, '$1'));
}

export interface UnitDifference {
  /** Both units are known and differ: certainly not the same unit. */
  known: boolean;
  /** How many `b` make one `a`, when both are known sizes of one dimension (1 mile = 1.609 km). */
  factor?: number;
  /** `miles vs km`. */
  text: string;
  /** `1 mile = 1.609 km`, when there is a factor. */
  conversion?: string;
}

/** How two written units differ, or undefined when they are the same unit (or one is not given). */
export function unitDifference(a: string | undefined, b: string | undefined): UnitDifference | undefined {
  if (!a?.trim() || !b?.trim()) return undefined;
  const ua = UNIT_LOOKUP.get(squash(a));
  const ub = UNIT_LOOKUP.get(squash(b));
  if (ua && ub) {
    if (ua.id === ub.id) return undefined;
    if (ua.dimension === ub.dimension && ua.size !== undefined && ub.size !== undefined) {
      const factor = ua.size / ub.size;
      return { known: true, factor, text: `${a} vs ${b}`, conversion: `1 ${ua.id} = ${round(factor)} ${ub.id}` };
    }
    return { known: true, text: `${a} vs ${b}` };
  }
  if (unitKey(a) === unitKey(b)) return undefined;
  return { known: false, text: `${a} vs ${b}` };
}

export function round(n: number, digits = 4): string {
  return Number.parseFloat(n.toPrecision(digits)).toString();
}

// Value ranges. `reference` is what the consumer knows (the training data, the pipeline's input
// spec), `actual` what production sends. Only bounds both sides state are compared.
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

/** At most `n` values, quoted, then how many more. */
export function listSome(values: readonly string[], n = 5): string {
  const shown = values.slice(0, n).map((v) => `\`${v}\``);
  return values.length > n ? `${shown.join(', ')} and ${values.length - n} more` : shown.join(', ');
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

/** ` (in different units: miles vs km; 1 mile = 1.609 km)`, or nothing. */
export function unitNote(a: string | undefined, b: string | undefined): string {
  const diff = unitDifference(a, b);
  return diff ? ` (in different units: ${diff.text}${diff.conversion ? `; ${diff.conversion}` : ''})` : '';
}
