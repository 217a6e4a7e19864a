import { productionNameOf } from '../facts.js';
import { rule } from '../types.js';

export const productionFieldUnmapped = rule(
  {
    id: 'data-schema/production-field-unmapped',
    category: 'data-schema',
    severity: 'info',
    phases: ['design'],
    roles: ['operations', 'data-scientist'],
    description: 'Each production-data field corresponds to a training-data field.',
    rationale:
      'A production field that no training field maps to is data the model never learned from: operations may believe the model uses it, or a mapping was forgotten and the feature is fed under another name.',
    remedy:
      'Map the training field that stands for it (`mapping_production_data`), or note in the production-data field description that the model does not use it.',
    tec: ['R14C'],
    examples: ['M01-01', 'M13-02'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const production of facts.all('production-data')) {
      // Without a training schema every field would look unmapped (TEC R14C's noise): nothing to compare.
      const trainings = facts.trainingOf(production).filter((t) => (t.data.schema ?? []).length > 0);
      if (trainings.length === 0) continue;
      const mapped = new Set<string>();
      const unmappedNames = new Set<string>();
      for (const t of trainings) {
        for (const f of t.data.schema ?? []) {
          const target = productionNameOf(f);
          if (target) mapped.add(target);
          else unmappedNames.add(f.field_name);
        }
      }
      for (const [i, field] of (production.data.schema ?? []).entries()) {
        // A same-name training field without a mapping is reported by data-schema/training-field-unmapped.
        if (mapped.has(field.field_name) || unmappedNames.has(field.field_name)) continue;
        report({
          message: `production-data \`${production.name}\` field \`${field.field_name}\` corresponds to no field of training-data ${trainings.map((t) => `\`${t.name}\``).join(', ')}: the model never learned from it`,
          cite: [
            { descriptor: production, path: ['schema', i, 'field_name'] },
            ...trainings.map((t) => ({ descriptor: t, path: ['schema'] })),
          ],
          key: field.field_name,
        });
      }
    }
  },
);
