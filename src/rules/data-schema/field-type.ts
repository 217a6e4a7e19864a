import { fieldPairs, pairName } from '../facts.js';
import { typesCompatible } from '../match.js';
import { rule } from '../types.js';

export const fieldType = rule(
  {
    id: 'data-schema/field-type',
    category: 'data-schema',
    severity: 'error',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description: 'Each training-data feature has a type the production-data field it maps to can supply.',
    rationale:
      'A model trained on one type and fed another fails at the first request, or silently converts (fractions truncated to integers, codes read as numbers) and predicts from values it never learned from.',
    remedy:
      'Agree on one type: convert the production field in the pipeline, or retrain on the type production supplies, and update both descriptors.',
    tec: ['R14A'],
    examples: ['M19-04', 'M14-01', 'M07-02'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const pair of fieldPairs(facts)) {
      const { training, trainingIndex, trainingField, production, productionIndex, productionField } = pair;
      // Labels are not model inputs: production supplies them later, as ground truth (TEC R14A skips them too).
      if (trainingField.label_field) continue;
      // Production values flow into a model trained on the training type.
      if (typesCompatible(productionField.field_type, trainingField.field_type)) continue;
      report({
        message: `training-data \`${training.name}\` field ${pairName(pair)} is ${trainingField.field_type}; production-data \`${production.name}\` supplies it as ${productionField.field_type}`,
        cite: [
          { descriptor: training, path: ['schema', trainingIndex, 'field_type'] },
          { descriptor: production, path: ['schema', productionIndex, 'field_type'] },
        ],
        key: `${trainingField.field_name}->${productionField.field_name}`,
      });
    }
  },
);
