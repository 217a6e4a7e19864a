// Writing a Dovetail descriptor as a TEC 1.2 document, with the same field maps the importer uses.
// TEC requires almost every key, so absent fields are written as TEC writes blanks ("", 0, false,
// [], zero item specifications, a blank row where a list needs one) and enums get a valid value.
//
// Nothing is lost on the way back: what TEC cannot hold goes into `x-dovetail-<field>` keys (TEC
// accepts and ignores extra keys) and fields written only as placeholders are listed in
// `x-dovetail-unset`; `x-<key>` keys go back as `<key>`. What TEC itself sees is lossy:
// - Dovetail-only fields (success_criteria, unit, nullable, allowed_values, shape, window,
//   operating_system, owner, ...) are invisible to TEC;
// - values without a TEC label become "Other" (with the value in TEC's other_* text where there is
//   one); types such as boolean, datetime or category are "Other" item types to TEC;
// - fractions of a CPU are rounded (up for what a model needs, down for what an environment has),
//   GPU memory and model are dropped, sizes become GB, durations a whole number of TEC's units;
// - a goal's operator, baseline and rationale become one text ("<= 0.02 (current rules engine)");
// - several production data sources become one text joined with "; ";
// - TEC→Dovetail→TEC also normalises forms: numeric text (statistics "52.30" → "52.3"), synonyms to
//   TEC labels ("Text" → "String"), baselines written "90%" for share metrics → "0.9", and blank
//   rows are dropped.
import type { DescriptorOf, KindId } from '../kinds/index.js';

export { tecFileName } from './names.js';

import type { Obj } from '../json.js';
import { writeObject } from './codec.js';
import { tecMaps } from './maps.js';

/**
 * A validated descriptor (`data`, the output of its kind schema) as a TEC 1.2 document. `raw` is the
 * descriptor as written: it supplies `x-` keys and the original form of values.
 */
export function exportTec<K extends KindId>(
  kind: K,
  data: DescriptorOf<K>,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  return writeObject(tecMaps[kind], data as Obj, raw);
}
