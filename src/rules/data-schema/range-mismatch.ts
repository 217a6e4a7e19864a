import { fieldPairs, pairName } from '../facts.js';
import { unitNote } from '../measure-units.js';
import {
  describeRange,
  groupRangeProblems,
  NEW_VALUES_WARNING_SHARE,
  rangePath,
  rangeProblems,
  rangeSeverity,
} from '../ranges.js';
import { rule } from '../types.js';

export const rangeMismatch = rule(
  {
    id: 'data-schema/range-mismatch',
    category: 'data-schema',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      'The values a production-data field allows (range, allowed values, text length) lie within those of the training-data field it maps to.',
    rationale:
      'A model extrapolates badly outside the values it was trained on: numbers beyond the training range and categories it never saw get arbitrary outputs that look as confident as the rest.',
    remedy:
      'Train on data that covers the production values, or clip, reject or map unseen values to a known category in the pipeline and say so in both descriptors.',
    tec: [],
    examples: ['M02-01', 'M15-03', 'M15-04', 'M08-01'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const pair of fieldPairs(facts)) {
      const { training, trainingIndex, trainingField, production, productionIndex, productionField } = pair;
      const problems = rangeProblems(trainingField.item_specification, productionField.item_specification);
      for (const group of groupRangeProblems(problems)) {
        const { actual, reference } = describeRange(group);
        const severity = rangeSeverity(group);
        const values = group.problems.find((p) => p.aspect === 'allowed_values');
        const share =
          values && Array.isArray(values.actual)
            ? ` (${values.unseen?.length} of ${values.actual.length} production values; a warning from ${NEW_VALUES_WARNING_SHARE * 100}%)`
            : '';
        report({
          message: `production-data \`${production.name}\` field ${pairName(pair)} allows ${actual}; training-data \`${training.name}\` covers ${reference}${unitNote(trainingField.unit, productionField.unit)}: the model never saw such values${share}`,
          cite: [
            { descriptor: training, path: ['schema', trainingIndex, ...rangePath(group)] },
            { descriptor: production, path: ['schema', productionIndex, ...rangePath(group)] },
          ],
          key: `${trainingField.field_name}->${productionField.field_name}:${group.key}`,
          severity,
        });
      }
    }
  },
);
