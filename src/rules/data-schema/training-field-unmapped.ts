import { rule } from '../types.js';

export const trainingFieldUnmapped = rule(
  {
    id: 'data-schema/training-field-unmapped',
    category: 'data-schema',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description: 'Each training-data feature names the production-data field that supplies it.',
    rationale:
      'A feature with no production counterpart is either missing in operation (the model gets a default or fails) or arrives under another name that nobody has checked for type, unit and distribution.',
    remedy:
      'Set `mapping_production_data` to the production-data field that supplies the feature, or add the field to the production-data schema, or mark the field as a label if it is one.',
    tec: ['R14B'],
    examples: ['M01-01', 'M19-04', 'M13-02'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const training of facts.all('training-data')) {
      // Without a production schema there is nothing to map to: that is missing information, not a mismatch.
      const productions = facts.productionDataOf(training).filter((p) => (p.data.schema ?? []).length > 0);
      if (productions.length === 0) continue;
      for (const [i, field] of (training.data.schema ?? []).entries()) {
        // A label is not sent by production, so it needs no mapping (TEC R14B flags labels).
        if (field.label_field || field.mapping_production_data?.trim()) continue;
        const sameName = productions.find((p) => p.data.schema?.some((f) => f.field_name === field.field_name));
        const hint = sameName
          ? `; production-data \`${sameName.name}\` has a field of the same name`
          : `; production-data ${productions.map((p) => `\`${p.name}\``).join(', ')} ${productions.length > 1 ? 'do' : 'does'} not say where it comes from`;
        report({
          message: `training-data \`${training.name}\` feature \`${field.field_name}\` is mapped to no production-data field${hint}`,
          cite: [
            {
              descriptor: training,
              path:
                field.mapping_production_data === undefined ? ['schema', i] : ['schema', i, 'mapping_production_data'],
            },
            ...productions.map((p) => ({ descriptor: p, path: ['schema'] })),
          ],
          key: field.field_name,
        });
      }
    }
  },
);
