import { labelKey } from '../match.js';
import { rule } from '../types.js';
import { listSome } from '../wording.js';
import { productionLabelOf } from './label-distribution.js';

export const unseenProductionLabel = rule(
  {
    id: 'data-distribution/unseen-production-label',
    category: 'data-distribution',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description: 'Every label that occurs in production data has a counterpart in the training data.',
    rationale:
      'A class the model never saw in training can never be predicted: every production instance of it is misclassified, and metrics computed against production ground truth are off by its share.',
    remedy:
      'Add labelled examples of the class to the training data and retrain, or map the production label to the training label it corresponds to (`mapping_production_data`).',
    tec: ['R16'],
    examples: ['M02-01', 'M18-01', 'M19-01', 'M08-01'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const training of facts.all('training-data')) {
      const entries = training.data.distribution ?? [];
      // No training distribution: nothing to compare with (TEC R16 ignores production-only labels altogether).
      if (entries.length === 0) continue;
      const known = new Set(entries.map(productionLabelOf));
      for (const production of facts.productionDataOf(training)) {
        const unseen = [...(production.data.distribution ?? []).entries()].filter(
          ([, l]) => !known.has(labelKey(l.label)),
        );
        if (unseen.length === 0) continue;
        const share = unseen.reduce((sum, [, l]) => sum + l.percentage, 0);
        report({
          message: `production-data \`${production.name}\` has label${unseen.length > 1 ? 's' : ''} ${listSome(unseen.map(([, l]) => `${l.label}`))} (${unseen.map(([, l]) => `${l.percentage}%`).join(', ')} of production) that training-data \`${training.name}\` does not have: the model can never predict ${unseen.length > 1 ? 'them' : 'it'}`,
          cite: [
            { descriptor: training, path: ['distribution'] },
            ...unseen.map(([i]) => ({ descriptor: production, path: ['distribution', i, 'label'] })),
          ],
          key: 'unseen',
          // A label production lists at 0% does not occur yet: worth knowing, not yet a problem.
          severity: share > 0 ? 'warning' : 'info',
        });
      }
    }
  },
);
