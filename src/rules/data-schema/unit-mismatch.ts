import { round } from '../../descriptors/units.js';
import { fieldPairs, pairName } from '../facts.js';
import { unitDifference } from '../measure-units.js';
import { rule } from '../types.js';

export const unitMismatch = rule(
  {
    id: 'data-schema/unit-mismatch',
    category: 'data-schema',
    severity: 'error',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description: 'Each training-data field and the production-data field it maps to have the same unit of measure.',
    rationale:
      'Types match, so nothing fails: the model silently reads kilometres as miles or seconds as minutes and every prediction is off, for every input at once.',
    remedy:
      'Convert the values to the training unit before they reach the model (in the upstream component or the pipeline), or retrain in the production unit, and write the same unit in both descriptors.',
    tec: [],
    examples: ['M14-01', 'M19-04', 'M08-01', 'M12-03'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const pair of fieldPairs(facts)) {
      const { training, trainingIndex, trainingField, production, productionIndex, productionField } = pair;
      const diff = unitDifference(trainingField.unit, productionField.unit);
      if (!diff) continue;
      const effect =
        diff.factor === undefined
          ? ''
          : `: every production value is ${round(diff.factor)}× what the model expects for the same quantity`;
      report({
        message: `training-data \`${training.name}\` field ${pairName(pair)} is in ${trainingField.unit}; production-data \`${production.name}\` supplies it in ${productionField.unit}${diff.note}${effect}`,
        cite: [
          { descriptor: training, path: ['schema', trainingIndex, 'unit'] },
          { descriptor: production, path: ['schema', productionIndex, 'unit'] },
        ],
        key: `${trainingField.field_name}->${productionField.field_name}`,
        // Two units this rule knows are certainly different; free text may say one thing two ways.
        severity: diff.known ? 'error' : 'warning',
      });
    }
  },
);
