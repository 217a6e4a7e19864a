import { trainingFromRaw } from '../facts.js';
import { labelKey } from '../match.js';
import { rule } from '../types.js';
import { listSome } from '../wording.js';

export const labelSet = rule(
  {
    id: 'data-schema/label-set',
    category: 'data-schema',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-engineer', 'data-scientist'],
    description: 'The training data has the same labels as the raw data it was derived from.',
    rationale:
      'A class lost between raw and training data can never be predicted; a class that appears only in the training data was created or renamed by a preparation step nobody described, so the meaning of the model outputs is unclear.',
    remedy:
      'Describe the relabelling or filtering in `preparation_process` and make both label lists agree, or fix the preparation that dropped or invented the class.',
    tec: [],
    examples: ['M01-04', 'M02-01'],
    needs: ['training-data', 'raw-data'],
  },
  ({ facts, report }) => {
    for (const { training, raw } of trainingFromRaw(facts)) {
      const trainingLabels = training.data.distribution ?? [];
      const rawLabels = raw.data.labels_distribution ?? [];
      if (trainingLabels.length === 0 || rawLabels.length === 0) continue;
      const inTraining = new Set(trainingLabels.map((l) => labelKey(l.label)));
      const inRaw = new Set(rawLabels.map((l) => labelKey(l.label)));
      // A raw label with a 0% share has no instances to lose.
      const lost = [...rawLabels.entries()].filter(([, l]) => l.percentage > 0 && !inTraining.has(labelKey(l.label)));
      const added = [...trainingLabels.entries()].filter(([, l]) => !inRaw.has(labelKey(l.label)));
      if (lost.length > 0) {
        report({
          message: `raw-data \`${raw.name}\` has label${lost.length > 1 ? 's' : ''} ${listSome(lost.map(([, l]) => l.label))} (${lost.map(([, l]) => `${l.percentage}%`).join(', ')}) that training-data \`${training.name}\` does not have: the model can never predict ${lost.length > 1 ? 'them' : 'it'}`,
          cite: [
            ...lost.map(([i]) => ({ descriptor: raw, path: ['labels_distribution', i, 'label'] })),
            { descriptor: training, path: ['distribution'] },
          ],
          key: 'lost',
        });
      }
      if (added.length > 0) {
        report({
          message: `training-data \`${training.name}\` has label${added.length > 1 ? 's' : ''} ${listSome(added.map(([, l]) => l.label))} that raw-data \`${raw.name}\` does not have (${listSome(rawLabels.map((l) => l.label))}): a preparation step created or renamed ${added.length > 1 ? 'them' : 'it'}`,
          cite: [
            { descriptor: raw, path: ['labels_distribution'] },
            ...added.map(([i]) => ({ descriptor: training, path: ['distribution', i, 'label'] })),
          ],
          key: 'added',
        });
      }
    }
  },
);
