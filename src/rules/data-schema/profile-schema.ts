import type { ColumnProfile } from '../../data/profile/profile.js';
import {
  contradictsType,
  matchFields,
  observedRange,
  TEXT_TYPES,
  typeOf,
  unlistedValues,
} from '../../data/profile/schema-columns.js';
import type { Path } from '../../descriptors/source.js';
import type { Descriptor } from '../../descriptors/system.js';
import { round } from '../../descriptors/units.js';
import type { Facts } from '../facts.js';
import { type Cite, rule, type Severity } from '../types.js';
import { listSome } from '../wording.js';

type DataDescriptor = Descriptor<'raw-data'> | Descriptor<'training-data'> | Descriptor<'production-data'>;
type Field = NonNullable<DataDescriptor['data']['schema']>[number];

/** The data descriptors with both a schema and a profile of their data. */
function profiled(facts: Facts) {
  return [...facts.all('raw-data'), ...facts.all('training-data'), ...facts.all('production-data')].flatMap((d) => {
    const profile = facts.profileOf(d);
    return profile && d.data.schema ? [{ d: d as DataDescriptor, schema: d.data.schema, profile }] : [];
  });
}

/** A field the data contradict: in what, where in the field, and how badly. */
interface Problem {
  message: string;
  /** Path inside the schema entry. */
  path: Path;
  key: string;
  severity?: Severity;
}

/** What the data say against one field's type, range and allowed values. */
function fieldProblems(field: Field, column: ColumnProfile): Problem[] {
  const problems: Problem[] = [];
  const declared = field.field_type;
  const name = `\`${field.field_name}\``;
  if (declared && contradictsType(declared, typeOf(column)))
    problems.push({
      message: `${name} is declared ${declared}, but the data hold ${column.type} values`,
      path: ['field_type'],
      key: 'type',
      severity: 'error',
    });
  else if (declared && column.invalid > 0 && !TEXT_TYPES.has(declared))
    problems.push({
      message: `${name} is declared ${declared}, but ${column.invalid} of its ${column.count} values are not`,
      path: ['field_type'],
      key: 'type',
    });
  const spec = field.item_specification;
  const range = observedRange(column);
  const below = range && spec?.min_value !== undefined && range.min < spec.min_value;
  const above = range && spec?.max_value !== undefined && range.max > spec.max_value;
  if (range && (below || above)) {
    const outside = [
      below && `smallest ${round(range.min)} < min_value ${spec?.min_value}`,
      above && `largest ${round(range.max)} > max_value ${spec?.max_value}`,
    ].filter(Boolean);
    problems.push({
      message: `${name} holds values outside its declared range: ${outside.join(', ')}`,
      path: ['item_specification', below ? 'min_value' : 'max_value'],
      key: 'range',
    });
  }
  const unlisted = spec?.allowed_values ? unlistedValues(spec.allowed_values, column) : [];
  if (unlisted.length)
    problems.push({
      message: `${name} holds values its allowed_values do not list: ${listSome(unlisted)}`,
      path: ['item_specification', 'allowed_values'],
      key: 'values',
    });
  return problems;
}

export const profileSchema = rule(
  {
    id: 'data-schema/profile-schema',
    category: 'data-schema',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-engineer', 'data-scientist', 'operations'],
    description:
      'The schema of a raw-data, training-data or production-data descriptor describes the data its profile was made from: every field is a column, every column a field, of the declared type, within the declared range and allowed values.',
    rationale:
      'Every other rule compares what descriptors declare; a schema the data contradict makes those comparisons answer the wrong question, and the code written against it (a parser, a feature pipeline, a validation step) fails or silently drops values on the real data. A declared type the data contradict is an error, since no reader that trusts the schema can read the column; the other differences are warnings.',
    remedy:
      'Correct the schema to what the data hold, or fix the data (the export, the preparation) so that it holds what the schema promises; `dovetail profile <data> --into <descriptor>` fills the missing parts of a schema from the data.',
    tec: [],
    examples: ['M01-04', 'M02-01'],
    needs: ['raw-data', 'training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const { d, schema, profile } of profiled(facts)) {
      const what = `${d.kind} \`${d.name}\` (profile ${d.data.profile})`;
      const profileField: Cite = { descriptor: d, path: ['profile'] };
      const matched = matchFields(schema, Object.keys(profile.columns));
      const present = new Set(matched.values());
      for (const [i, field] of schema.entries()) {
        if (present.has(i)) continue;
        report({
          message: `${what}: schema field \`${field.field_name}\` is not a column of the data`,
          cite: [{ descriptor: d, path: ['schema', i, 'field_name'] }, profileField],
          key: `${field.field_name}:missing`,
        });
      }
      for (const [column, c] of Object.entries(profile.columns)) {
        const i = matched.get(column);
        const field = i === undefined ? undefined : schema[i];
        if (i === undefined || !field) {
          report({
            message: `${what}: column \`${column}\` of the data is not in the schema`,
            cite: [{ descriptor: d, path: ['schema'] }, profileField],
            key: `${column}:unlisted`,
          });
          continue;
        }
        for (const { message, path, key, severity } of fieldProblems(field, c)) {
          report({
            message: `${what}: ${message}`,
            cite: [{ descriptor: d, path: ['schema', i, ...path] }, profileField],
            key: `${field.field_name}:${key}`,
            severity,
          });
        }
      }
    }
  },
);
