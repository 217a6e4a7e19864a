// Shared by the missing-information rules: what counts as "not said", and a factory that turns
// per-kind lists of gaps into one finding per descriptor and topic. TEC reports one missing field per
// finding (141 checks); Dovetail groups them by topic so a descriptor owner gets one to-do list per
// topic: "trained-model `m` does not say: model_output_interpretation, default_model_output".
import { valueAt } from '../../descriptors/json.js';
import { type KindId, kinds } from '../../descriptors/kinds/index.js';
import type { Path } from '../../descriptors/source.js';
import type { Descriptor } from '../../descriptors/system.js';
import type { Role } from '../../descriptors/vocabulary.js';
import type { Facts } from '../facts.js';
import { type Rule, rule, type Severity } from '../types.js';
import { type Importance, importance as importanceOf, type SubCategoryId } from './survey.js';

/**
 * Whether a value says nothing: absent, null, blank text, a list with no entry that says something,
 * or an object none of whose values says something. Numbers and booleans always say something: a
 * threshold of 0, an FPR of 0.0 or `gpu: 0` are answers (TEC counts them missing: B-M2).
 */
export function blank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(blank);
  if (typeof value === 'object') return Object.values(value).every(blank);
  return false;
}

/** One piece of information a descriptor does not give. */
export interface Gap {
  /** The field, as a dotted path without list positions: `schema.field_description`. */
  field: string;
  /** The named list entry it is missing from (`delay`, `booking-api.distance`, `G-01`). */
  item?: string;
  /** Where the value would be, in the descriptor (for the evidence). */
  path: Path;
}

/** Gaps for the fields of `data` that are blank; `at` is where `data` is in the descriptor. */
export function missingFields(
  data: object | undefined,
  fields: readonly string[],
  at: Path = [],
  item?: string,
): Gap[] {
  const values = (data ?? {}) as Record<string, unknown>;
  const prefix = at.filter((s) => typeof s === 'string').join('.');
  return fields
    .filter((f) => blank(values[f]))
    .map((f) => ({ field: prefix ? `${prefix}.${f}` : f, path: [...at, f], ...(item === undefined ? {} : { item }) }));
}

/**
 * Gaps in the entries of a list: `fields(entry)` names the fields the entry lacks; each becomes a gap
 * named `<list label>.<field>` of the entry's name.
 */
export function missingInList<T>(
  entries: readonly T[] | undefined,
  at: Path,
  nameOf: (entry: T, index: number) => string,
  fields: (entry: T) => readonly string[],
  label = at.filter((s) => typeof s === 'string').join('.'),
): Gap[] {
  return (entries ?? []).flatMap((entry, i) =>
    fields(entry).map((f) => ({ field: `${label}.${f}`, item: nameOf(entry, i), path: [...at, i, f] })),
  );
}

/** What says what a value is: a description, a type and its valid values (expected values or a specification). */
function definitionGaps(prefix: 'item' | 'field', entry: Record<string, unknown>): string[] {
  const gaps: string[] = [];
  if (blank(entry[`${prefix}_description`])) gaps.push(`${prefix}_description`);
  if (blank(entry[`${prefix}_type`])) gaps.push(`${prefix}_type`);
  if (blank(entry.expected_values) && blank(entry.item_specification)) gaps.push('expected_values');
  return gaps;
}

/** Item fields that say what an item is: item_description, item_type and its valid values. */
export function itemGaps(item: {
  item_description?: string;
  item_type?: string;
  expected_values?: string;
  item_specification?: object;
}): string[] {
  return definitionGaps('item', item);
}

/** Schema fields that say what a field is: field_description, field_type and its valid values. */
export function fieldGaps(field: {
  field_description?: string;
  field_type?: string;
  expected_values?: string;
  item_specification?: object;
}): string[] {
  return definitionGaps('field', field);
}

const MAX_ITEMS = 5;

function names(items: readonly string[]): string {
  const shown = items.slice(0, items.length > MAX_ITEMS + 1 ? MAX_ITEMS : items.length).map((i) => `\`${i}\``);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** `a, b` or, when some gaps are about list entries, `a; b of \`x\`, \`y\``. */
export function describeGaps(gaps: readonly Gap[]): string {
  const byField = new Map<string, string[]>();
  for (const g of gaps) {
    const items = byField.get(g.field) ?? [];
    if (g.item !== undefined && !items.includes(g.item)) items.push(g.item);
    byField.set(g.field, items);
  }
  const parts = [...byField].map(([field, items]) => (items.length ? `${field} of ${names(items)}` : field));
  return parts.join([...byField.values()].some((i) => i.length > 0) ? '; ' : ', ');
}

/** The closest object that holds every gap and is written in the descriptor (the root at worst). */
export function gapParent(d: Descriptor, gaps: readonly Gap[]): Path {
  const paths = gaps.map((g) => g.path.slice(0, -1));
  let common: (string | number)[] = [...(paths[0] ?? [])];
  for (const p of paths.slice(1)) {
    let n = 0;
    while (n < common.length && n < p.length && common[n] === p[n]) n++;
    common = common.slice(0, n);
  }
  while (common.length > 0 && valueAt(d.raw, common) === undefined) common.pop();
  return common;
}

export interface KindCheck<K extends KindId> {
  gaps(descriptor: Descriptor<K>, facts: Facts): Gap[];
  /** The study's sub-categories for this kind, when they weigh differently from the rule's (they set its severity). */
  subcategories?: readonly SubCategoryId[];
}

export type KindChecks = { [K in KindId]?: KindCheck<K> };

export interface TopicMeta {
  /** The topic: the rule id is `missing-information/<topic>`. */
  topic: string;
  /** What the rule asks for, in one line (the survey weight is appended). */
  description: string;
  /** Why it matters (the survey weight is appended). */
  rationale: string;
  remedy: string;
  tec: readonly string[];
  examples: readonly string[];
  importance: Importance;
}

/** A rule that reports, for each descriptor of the checked kinds, one finding listing every gap of the topic. */
export function presenceRule(meta: TopicMeta, checks: KindChecks): Rule {
  const checked = (Object.keys(kinds) as KindId[]).filter((k) => checks[k] !== undefined);
  const roles = [...new Set(checked.map((k) => kinds[k].owner))] as Role[];
  return rule(
    {
      id: `missing-information/${meta.topic}`,
      category: 'missing-information',
      severity: meta.importance.severity,
      phases: ['design'],
      roles,
      description: `${meta.description} Survey weight: ${meta.importance.short}.`,
      rationale: `${meta.rationale} ${meta.importance.rating}`,
      remedy: meta.remedy,
      tec: meta.tec,
      examples: meta.examples,
      needs: checked,
    },
    ({ facts, report }) => {
      for (const kind of checked) {
        const check = checks[kind] as KindCheck<KindId>;
        const severity: Severity | undefined = check.subcategories
          ? importanceOf(check.subcategories).severity
          : undefined;
        for (const d of facts.all(kind)) {
          const gaps = check.gaps(d, facts);
          if (gaps.length === 0) continue;
          report({
            message: `${kind} \`${d.name}\` does not say: ${describeGaps(gaps)}`,
            cite: [
              {
                descriptor: d,
                path: gapParent(d, gaps),
                value: gaps.map((g) => (g.item === undefined ? g.field : `${g.field} of ${g.item}`)),
              },
            ],
            key: meta.topic,
            ...(severity && severity !== meta.importance.severity ? { severity } : {}),
          });
        }
      }
    },
  );
}
