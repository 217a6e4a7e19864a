import { trainingFromRaw } from '../facts.js';
import { typesCompatible } from '../match.js';
import { rule } from '../types.js';

export const rawTrainingType = rule(
  {
    id: 'data-schema/raw-training-type',
    category: 'data-schema',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-engineer', 'data-scientist'],
    description:
      'A training-data field has a type the raw-data field of the same name can be turned into without loss.',
    rationale:
      'When the training type differs from the raw type (a float kept as an integer, text parsed as a number), the preparation converts values in a way nobody wrote down, and the pipeline that feeds production may not convert them the same way.',
    remedy:
      'Make the types agree, or describe the conversion in the training data `preparation_process` and make the pipeline do the same conversion for production data.',
    tec: [],
    examples: ['M01-04'],
    needs: ['training-data', 'raw-data'],
  },
  ({ facts, report }) => {
    for (const { training, raw } of trainingFromRaw(facts)) {
      for (const [ti, field] of (training.data.schema ?? []).entries()) {
        const ri = (raw.data.schema ?? []).findIndex((f) => f.field_name === field.field_name);
        const rawField = raw.data.schema?.[ri];
        // Raw values are prepared into the training type: integers fit floats, strings become categories.
        if (!rawField || typesCompatible(rawField.field_type, field.field_type)) continue;
        report({
          message: `raw-data \`${raw.name}\` field \`${field.field_name}\` is ${rawField.field_type}; training-data \`${training.name}\` has it as ${field.field_type}, a conversion that can lose or invent information`,
          cite: [
            { descriptor: raw, path: ['schema', ri, 'field_type'] },
            { descriptor: training, path: ['schema', ti, 'field_type'] },
          ],
          key: field.field_name,
        });
      }
    }
  },
);
