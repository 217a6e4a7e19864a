// Migration of TEC documents 1.0 → 1.1 → 1.2, in memory, done where TEC's own migrators go wrong
// (docs/tec.md lists TEC's defects):
// - goal ids and the metrics' goal mappings are kept as they are (TEC drops their first letter,
//   "BG-01" → "G-01", and so breaks nothing only by luck); empty goal lists do not crash;
// - 1.0 success criteria stay a list (TEC smears them into goal 0's metric as "a, b, ");
// - fields that 1.1 added and 1.0 lacks (operator, goal_mapping, metric, baseline) stay absent
//   instead of "" (TEC's "" is not even valid for the 1.1 operator enum);
// - 1.1 item `expected_values` text stays visible (TEC hides it in item_specification.other_value)
//   and the 1.1 free-text `item_type` is normalised to the 1.2 enum;
// - 1.1 trained-model `error_handling[]` is kept (1.2 still requires the key).
// Content TEC 1.2 has no key for goes into `x-dovetail-<key>` keys, the form the exporter uses for
// Dovetail content, so the importer reads it like any other document. Nothing here throws.

import { cloneJson, isObject, type Obj } from '../json.js';
import type { KindId } from '../kinds/index.js';
import type { Path } from '../source.js';
import { itemTypes } from '../vocabulary.js';
import type { TecNote, TecVersion } from './index.js';
import { Renames } from './paths.js';

export interface TecMigration {
  /** The document in TEC 1.2 form (with `x-dovetail-` keys for what 1.2 cannot hold). */
  document: Obj;
  notes: TecNote[];
  /** The path in the document as written of a path in the migrated document. */
  original(path: Path): Path;
}

/** Renames `from` to `to` where it stands, keeping the order of keys. */
function renameKey(obj: Obj, from: string, to: string): void {
  const entries = Object.entries(obj).map(([k, v]): [string, unknown] => [k === from ? to : k, v]);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

function rows(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function setVersion(doc: Obj, version: TecVersion): void {
  if ('version' in doc) doc.version = version;
  else Object.assign(doc, { version });
}

function step10to11(kind: KindId, doc: Obj, renames: Renames, notes: TecNote[]): void {
  if (kind === 'system-context') {
    if ('business_goals' in doc) {
      if ('goals' in doc) {
        notes.push({
          path: ['business_goals'],
          message: 'both "goals" and "business_goals"; "goals" is used',
        });
      } else {
        if (!Array.isArray(doc.business_goals))
          notes.push({ path: ['business_goals'], message: 'business_goals is not a list; kept as is' });
        renameKey(doc, 'business_goals', 'goals');
        renames.add(['business_goals'], ['goals']);
      }
    }
    if ('success_criteria' in doc) {
      renameKey(doc, 'success_criteria', 'x-dovetail-success_criteria');
      renames.add(['success_criteria'], ['x-dovetail-success_criteria']);
    }
  }
  if (kind === 'trained-model') {
    rows(doc.business_metrics).forEach((m, i) => {
      if (!('business_goal_mapping' in m)) return;
      if ('goal_mapping' in m) {
        notes.push({
          path: ['business_metrics', i, 'business_goal_mapping'],
          message: 'both "goal_mapping" and "business_goal_mapping"; "goal_mapping" is used',
        });
        return;
      }
      renameKey(m, 'business_goal_mapping', 'goal_mapping');
    });
    renames.add(['business_metrics', '*', 'business_goal_mapping'], ['business_metrics', '*', 'goal_mapping']);
  }
  setVersion(doc, '1.1');
}

/** A 1.1 item: its free-text type in 1.2 terms, its expected values kept where Dovetail reads them. */
function migrateItem(item: Obj): void {
  if ('expected_values' in item && !('item_specification' in item))
    renameKey(item, 'expected_values', 'x-dovetail-expected_values');
  const type = item.item_type;
  if (typeof type !== 'string' || type.trim() === '') return;
  const id = itemTypes.normalize(type);
  const label = id === undefined ? undefined : itemTypes.tec[id];
  if (label !== undefined) item.item_type = label;
  else if (id !== undefined) {
    // A type Dovetail knows and TEC 1.2 does not (boolean, datetime): "Other", with the type kept.
    item.item_type = itemTypes.tec.other;
    item['x-dovetail-item_type'] = id;
  }
  // Text no vocabulary knows stays as written; the importer keeps it and says so.
}

function step11to12(kind: KindId, doc: Obj, renames: Renames): void {
  const lists =
    kind === 'data-pipeline' ? ['input_spec'] : kind === 'trained-model' ? ['output_spec', 'final_output_spec'] : [];
  for (const key of lists) {
    rows(doc[key]).forEach(migrateItem);
    renames.add([key, '*', 'expected_values'], [key, '*', 'x-dovetail-expected_values']);
    renames.add([key, '*', 'item_type'], [key, '*', 'x-dovetail-item_type']);
  }
  setVersion(doc, '1.2');
}

/** Migrates a TEC document of `kind` from version `from` to 1.2. */
export function migrateTec(value: unknown, kind: KindId, from: TecVersion): TecMigration {
  const renames = new Renames();
  const notes: TecNote[] = [];
  const original = (path: Path) => renames.original(path);
  try {
    const copy = cloneJson(value);
    if (!isObject(copy)) {
      notes.push({ path: [], message: 'not a TEC document: expected an object' });
      return { document: {}, notes, original };
    }
    if (from === '1.0') step10to11(kind, copy, renames, notes);
    if (from === '1.0' || from === '1.1') step11to12(kind, copy, renames);
    return { document: copy, notes, original };
  } catch (e) {
    notes.push({ path: [], message: `could not migrate the document: ${(e as Error).message}` });
    return { document: isObject(value) ? { ...value } : {}, notes, original };
  }
}
