// A profile's columns against a descriptor's schema: which field is which column, and what the data
// say against what a field declares (type, numeric range, allowed values). `profile --into` warns
// with these; the rules that read profiles report with them.
import type { ItemType } from '../../descriptors/vocabulary.js';
import { typesCompatible } from '../../rules/match.js';
import { keyOf } from '../sketch/frequent.js';
import { familyOf } from './column.js';
import type { ColumnProfile } from './profile.js';

/**
 * The schema field of each column (column name → field index): the same name, else the same name
 * but for case (a field goes to one column only).
 */
export function matchFields(
  fields: readonly { field_name: string }[],
  columns: readonly string[],
): Map<string, number> {
  const matched = new Map<string, number>();
  const taken = new Set<number>();
  const match = (same: (field: string, column: string) => boolean) => {
    for (const column of columns) {
      if (matched.has(column)) continue;
      const i = fields.findIndex((f, j) => !taken.has(j) && same(f.field_name, column));
      if (i < 0) continue;
      matched.set(column, i);
      taken.add(i);
    }
  };
  match((field, column) => field === column);
  match((field, column) => field.toLowerCase() === column.toLowerCase());
  return matched;
}

/** A column's type: the profile schema admits only the canonical item types. */
export const typeOf = (column: ColumnProfile) => column.type as ItemType;

/** Types any value can be written as: text, or a category coded by it. */
export const TEXT_TYPES: ReadonlySet<ItemType> = new Set(['string', 'category']);

/** Whether a written type contradicts the type of the data. */
export function contradictsType(declared: ItemType, data: ItemType): boolean {
  return !typesCompatible(data, declared) && !TEXT_TYPES.has(declared);
}

/** Observed smallest and largest values of a numeric column. */
export function observedRange(column: ColumnProfile): { min: number; max: number } | undefined {
  if (familyOf(typeOf(column)) !== 'number' || typeof column.min !== 'number' || typeof column.max !== 'number')
    return undefined;
  return { min: column.min, max: column.max };
}

/**
 * The values of the data that `allowed` does not list. Only values the frequent-value summary kept
 * are known; every one of them occurred, whether its count is exact or not.
 */
export function unlistedValues(allowed: readonly (string | number | boolean)[], column: ColumnProfile): string[] {
  // Profiles count a long value under its key.
  const listed = allowed.map(keyOf);
  return (column.frequent?.items ?? []).map(([v]) => v).filter((v) => !listed.includes(v));
}
