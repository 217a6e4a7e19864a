// Filling a training-data or production-data descriptor from a profile of its data (`dovetail profile
// --into`): schema fields, statistics, label shares and the path of the profile. What people wrote is
// never changed: a value already there is kept, and where it contradicts the data a warning names the
// field and both values. The descriptor's text is edited in place (descriptors/edit.ts).
import { posix } from 'node:path';
import { DescriptorEditError, type DescriptorEditor, descriptorEditor } from '../../descriptors/edit.js';
import { type DescriptorOf, schemas } from '../../descriptors/kinds/index.js';
import type { Path } from '../../descriptors/source.js';
import { round } from '../../descriptors/units.js';
import { fieldsAt, kindOf, validateDescriptor } from '../../descriptors/validate.js';
import type { ItemType } from '../../descriptors/vocabulary.js';
import { LABEL_TOLERANCES } from '../../rules/data-distribution/label-shares.js';
import { compareSummaries, type FieldSummary } from '../../rules/data-distribution/summaries.js';
import { labelKey } from '../../rules/match.js';
import { listSome } from '../../rules/wording.js';
import { type ColumnProfile, type Profile, quantileSketch } from './profile.js';
import { contradictsType, matchFields, observedRange, TEXT_TYPES, typeOf, unlistedValues } from './schema-columns.js';

type FillableKind = 'training-data' | 'production-data';
type FillableDescriptor = DescriptorOf<FillableKind>;
type SchemaField = NonNullable<FillableDescriptor['schema']>[number];

export interface FillOptions {
  /** Column whose values are the labels counted into `distribution`; default: the training-data label field. */
  label?: string;
  /** Path of the profile file relative to the descriptor, recorded as `profile`. */
  profile?: string;
}

const SECTIONS = ['schema', 'statistics', 'distribution', 'profile'] as const;
export type FillSection = (typeof SECTIONS)[number];

/** Something filled in, or found written and kept: in a section, about a field or label, which item. */
export interface FillEntry {
  section: FillSection;
  subject: string;
  item?: string;
}

export interface FillResult {
  text: string;
  added: FillEntry[];
  kept: FillEntry[];
  warnings: string[];
}

/** Significant digits written: shares (missing share, label percentages) and computed means and deviations. */
const SHARE_DIGITS = 4;
const MEASURE_DIGITS = 6;

function fillableKind(file: string, document: unknown): FillableKind {
  const k = kindOf(document);
  if ('problem' in k) throw new DescriptorEditError(`${file}: ${k.problem.message}`);
  if (k.kind !== 'training-data' && k.kind !== 'production-data')
    throw new DescriptorEditError(
      `${file} is a ${k.kind} descriptor; a profile fills training-data and production-data descriptors`,
    );
  return k.kind;
}

const isNumeric = (type: ItemType | undefined) => type === 'integer' || type === 'float';

/**
 * The statistics a profile gives of a column: for numbers mean, std (of the values, dividing by n),
 * min, quartiles (KLL) and max; for every column the missing share (0–1).
 */
function columnStatistics(column: ColumnProfile): FieldSummary {
  const out: FieldSummary = {};
  const range = observedRange(column);
  if (range && typeof column.mean === 'number') {
    out.mean = Number(round(column.mean, MEASURE_DIGITS));
    if (typeof column.variance === 'number') out.std = Number(round(Math.sqrt(column.variance), MEASURE_DIGITS));
    out.min = range.min;
    const sketch = quantileSketch(column);
    if (sketch && sketch.n > 0) {
      out.q1 = sketch.quantile(0.25);
      out.median = sketch.quantile(0.5);
      out.q3 = sketch.quantile(0.75);
    }
    out.max = range.max;
  }
  if (column.count > 0) out['missing-share'] = Number(round(column.missing / column.count, SHARE_DIGITS));
  return out;
}

/** One fill in progress: the descriptor as validated, its text editor, what was added, kept and warned. */
class Fill {
  readonly added: FillEntry[] = [];
  readonly kept: FillEntry[] = [];
  readonly warnings: string[] = [];

  constructor(
    private readonly editor: DescriptorEditor,
    private readonly kind: FillableKind,
    readonly descriptor: FillableDescriptor,
  ) {}

  set(parent: Path, key: string, value: unknown, entries: FillEntry[]): void {
    this.editor.set(parent, key, value, fieldsAt(schemas[this.kind], parent));
    this.added.push(...entries);
  }

  append(key: string, items: readonly unknown[]): void {
    if (items.length) this.editor.append([], key, items, fieldsAt(schemas[this.kind], []));
  }

  result(): FillResult {
    return { text: this.editor.text(), added: this.added, kept: this.kept, warnings: this.warnings };
  }
}

/**
 * Fills a training-data or production-data descriptor (its text, as read from `file`) from a profile
 * of its data. Throws DescriptorEditError for text that is not such a descriptor or not valid.
 */
export function fillDescriptor(text: string, file: string, profile: Profile, options: FillOptions = {}): FillResult {
  const editor = descriptorEditor(file, text);
  const kind = fillableKind(file, editor.value);
  const checked = validateDescriptor(kind, editor.value);
  if (!checked.ok)
    throw new DescriptorEditError(`${file} is not a valid ${kind} descriptor; \`dovetail validate ${file}\` says why`);
  const fill = new Fill(editor, kind, checked.data);
  const fields = fill.descriptor.schema ?? [];
  const matched = matchFields(fields, Object.keys(profile.columns));
  const newFields: Record<string, unknown>[] = [];
  const statistics: Record<string, unknown>[] = [];
  for (const [name, column] of Object.entries(profile.columns)) {
    const index = matched.get(name);
    const field = index === undefined ? undefined : fields[index];
    if (index === undefined || !field) {
      newFields.push(newField(name, column));
      fill.added.push({ section: 'schema', subject: name, item: 'new field' });
    } else fillField(fill, index, field, column);
    statistics.push(...missingStatistics(fill, field?.field_name ?? name, column));
  }
  const present = new Set(matched.values());
  for (const [i, field] of fields.entries())
    if (!present.has(i)) fill.warnings.push(`schema ${field.field_name}: not a column of the data`);
  fill.append('schema', newFields);
  fill.append('statistics', statistics);
  const label = labelColumn(fill, profile, matched, options.label);
  if (label) fill.append('distribution', labelShares(fill, profile, label));
  if (options.profile !== undefined) fillProfilePath(fill, options.profile);
  return fill.result();
}

/** A schema entry for a column the schema lacks: its name, type and, for numbers, the range observed. */
function newField(name: string, column: ColumnProfile): Record<string, unknown> {
  const range = observedRange(column);
  return {
    field_name: name,
    field_type: column.type,
    ...(range ? { item_specification: { min_value: range.min, max_value: range.max } } : {}),
  };
}

/** Fills what an existing schema entry lacks (type, numeric range) and checks what it has against the data. */
function fillField(fill: Fill, index: number, field: SchemaField, column: ColumnProfile): void {
  const at: Path = ['schema', index];
  const name = field.field_name;
  const entry = (item: string): FillEntry => ({ section: 'schema', subject: name, item });
  const declared = field.field_type;
  if (declared === undefined) fill.set(at, 'field_type', column.type, [entry('field_type')]);
  else {
    fill.kept.push(entry('field_type'));
    if (contradictsType(declared, typeOf(column)))
      fill.warnings.push(`schema ${name}: field_type is ${declared}, but the data holds ${column.type} values`);
    else if (column.invalid > 0 && !TEXT_TYPES.has(declared))
      fill.warnings.push(
        `schema ${name}: field_type is ${declared}, but ${column.invalid} values of the data are not ${column.type}`,
      );
  }

  const spec = field.item_specification;
  const range = observedRange(column);
  if (range && isNumeric(declared ?? typeOf(column))) {
    if (!spec) {
      const bounds = { min_value: range.min, max_value: range.max };
      fill.set(at, 'item_specification', bounds, [entry('min_value'), entry('max_value')]);
    } else {
      for (const [bound, observed] of [
        ['min_value', range.min],
        ['max_value', range.max],
      ] as const) {
        const written = spec[bound];
        if (written === undefined) {
          fill.set([...at, 'item_specification'], bound, observed, [entry(bound)]);
          continue;
        }
        fill.kept.push(entry(bound));
        if (bound === 'min_value' ? observed < written : observed > written)
          fill.warnings.push(
            `schema ${name}: ${bound} is ${written}, but the data's ${bound === 'min_value' ? 'smallest' : 'largest'} value is ${observed}`,
          );
      }
    }
  }

  const unlisted = spec?.allowed_values && unlistedValues(spec.allowed_values, column);
  if (unlisted?.length)
    fill.warnings.push(`schema ${name}: allowed_values lack values the data holds: ${listSome(unlisted)}`);
}

/**
 * The statistics of a field the descriptor does not have yet. Those it has are kept; where they differ
 * from the data beyond the tolerances `dovetail check` applies between training and production, a
 * warning says so.
 */
function missingStatistics(fill: Fill, field: string, column: ColumnProfile): Record<string, unknown>[] {
  const written: FieldSummary = {};
  for (const s of fill.descriptor.statistics ?? []) if (s.field === field) written[s.property] ??= s.value;
  const computed = columnStatistics(column);
  const missing: Record<string, unknown>[] = [];
  for (const [property, value] of Object.entries(computed)) {
    const entry: FillEntry = { section: 'statistics', subject: field, item: property };
    if (property in written) fill.kept.push(entry);
    else {
      missing.push({ field, property, value });
      fill.added.push(entry);
    }
  }
  for (const drift of compareSummaries(computed, written))
    fill.warnings.push(
      `statistics ${field}: ${drift.property} is written as ${drift.production}, but the data gives ${drift.training}`,
    );
  return missing;
}

/**
 * The column whose values are the labels: the one asked for, else the training-data label field whose
 * values the profile counts (a numeric label, such as a delay in minutes, has no shares to count).
 */
function labelColumn(
  fill: Fill,
  profile: Profile,
  matched: ReadonlyMap<string, number>,
  asked: string | undefined,
): string | undefined {
  if (asked !== undefined) {
    if (asked in profile.columns) return asked;
    throw new DescriptorEditError(
      `label column "${asked}" is not a column of the data (${listSome(Object.keys(profile.columns), 10)})`,
    );
  }
  const fields = fill.descriptor.schema ?? [];
  const candidates = [...matched]
    .filter(([column, i]) => {
      const field = fields[i];
      return field && 'label_field' in field && field.label_field && profile.columns[column]?.frequent;
    })
    .map(([column]) => column);
  if (candidates.length > 1)
    fill.warnings.push(
      `distribution: several label fields could give the label shares (${candidates.join(', ')}); name the label column`,
    );
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The shares of the label column's values not yet in `distribution`, when the profile counted them exactly. */
function labelShares(fill: Fill, profile: Profile, label: string): Record<string, unknown>[] {
  const column = profile.columns[label];
  const frequent = column?.frequent;
  if (!column || !frequent) {
    fill.warnings.push(
      `distribution: label column ${label} holds ${column?.type} values, whose shares are not counted`,
    );
    return [];
  }
  if (frequent.errorBound > 0) {
    fill.warnings.push(
      `distribution: label column ${label} has more than ${frequent.cap} distinct values, too many to count exactly`,
    );
    return [];
  }
  const written = fill.descriptor.distribution ?? [];
  const shares: Record<string, unknown>[] = [];
  for (const [value, count] of frequent.items) {
    const percentage = frequent.n ? Number(round((100 * count) / frequent.n, SHARE_DIGITS)) : 0;
    const entry: FillEntry = { section: 'distribution', subject: label, item: value };
    const existing = written.find((w) => labelKey(w.label) === labelKey(value));
    if (!existing) {
      shares.push({ label: column.type === 'boolean' ? value === 'true' : value, percentage });
      fill.added.push(entry);
      continue;
    }
    fill.kept.push(entry);
    if (Math.abs(existing.percentage - percentage) >= LABEL_TOLERANCES.points.warning)
      fill.warnings.push(
        `distribution: label ${existing.label} is written as ${existing.percentage}%, but the data gives ${percentage}%`,
      );
  }
  for (const w of written)
    if (!frequent.items.some(([value]) => labelKey(value) === labelKey(w.label)))
      fill.warnings.push(
        `distribution: label ${w.label} is written as ${w.percentage}%, but the data has no such label`,
      );
  return shares;
}

/** Records where the profile is, unless the descriptor already names another one. */
function fillProfilePath(fill: Fill, path: string): void {
  const entry: FillEntry = { section: 'profile', subject: path };
  const written = fill.descriptor.profile;
  if (!written) fill.set([], 'profile', path, [entry]);
  else if (posix.normalize(written) === posix.normalize(path)) fill.kept.push(entry);
  else fill.warnings.push(`profile is ${written}; ${path} is not recorded in its place`);
}

/** What was filled and kept, a line per section: `added statistics: distance (mean, std), origin (missing-share)`. */
export function fillSummary(result: FillResult): string[] {
  const lines: string[] = [];
  for (const [verb, entries] of [
    ['added', result.added],
    ['kept', result.kept],
  ] as const) {
    const sections = new Map<FillSection, Map<string, string[]>>(SECTIONS.map((s) => [s, new Map()]));
    for (const e of entries) {
      const subjects = sections.get(e.section);
      if (!subjects) continue;
      const items = subjects.get(e.subject) ?? [];
      subjects.set(e.subject, items);
      if (e.item !== undefined) items.push(e.item);
    }
    for (const [section, subjects] of sections) {
      if (subjects.size === 0) continue;
      const parts = [...subjects].map(([subject, items]) =>
        items.length ? `${subject} (${items.join(', ')})` : subject,
      );
      lines.push(`${verb} ${section}: ${parts.join(', ')}`);
    }
  }
  return lines;
}
