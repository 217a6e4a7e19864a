import type { Descriptor } from '../../descriptors/system.js';
import { labelKey } from '../match.js';
import { rule } from '../types.js';
import { compareShares, labelPairs, type SharePair } from './label-shares.js';
import { labelsComparedByProfiles } from './profile-comparison.js';

/** The production label a training label stands for: its mapping, or the same label. */
export function productionLabelOf(entry: { label: string; mapping_production_data?: string }): string {
  return labelKey(entry.mapping_production_data?.trim() || entry.label);
}

/** Training labels paired with the production labels they map to. */
export function trainingProductionPairs(
  training: Descriptor<'training-data'>,
  production: Descriptor<'production-data'>,
): SharePair[] {
  return labelPairs(training.data.distribution ?? [], production.data.distribution ?? [], productionLabelOf);
}

export const labelDistribution = rule(
  {
    id: 'data-distribution/label-distribution',
    category: 'data-distribution',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      'The share of each label declared for production data is close to its share declared for the training data, within stated tolerances; where both profiles count the label column, data-distribution/profile-labels compares the data instead.',
    rationale:
      'A model learns the class balance of its training data: when production has another balance, its scores are miscalibrated, thresholds chosen on training data give other precision and recall, and the goals measured in operation are missed.',
    remedy:
      'Check why the balance differs (season, population, a labelling change); recalibrate or re-threshold on data with the production balance, or retrain, and monitor the label shares in operation.',
    tec: ['R16'],
    examples: ['M18-01', 'M19-01', 'M08-01', 'M17-08'],
    needs: ['training-data', 'production-data'],
  },
  ({ facts, report }) => {
    for (const training of facts.all('training-data')) {
      for (const production of facts.productionDataOf(training)) {
        // Counted beats typed: profile-labels compares the data, and each declared share with its data.
        if (labelsComparedByProfiles(facts, training, production)) continue;
        const pairs = trainingProductionPairs(training, production);
        if (pairs.length === 0) continue;
        const result = compareShares(pairs);
        if (!result.severity) continue;
        const cited = result.drifted.length > 0 ? result.drifted : pairs;
        report({
          message: `label shares differ between training-data \`${training.name}\` and production-data \`${production.name}\`: ${result.text}`,
          cite: cited.flatMap((p) => [
            { descriptor: training, path: ['distribution', p.referenceIndex, 'percentage'] },
            { descriptor: production, path: ['distribution', p.currentIndex, 'percentage'] },
          ]),
          key: 'labels',
          severity: result.severity,
        });
      }
    }
  },
);
