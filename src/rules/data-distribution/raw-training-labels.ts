import { trainingFromRaw } from '../facts.js';
import { mentions } from '../match.js';
import { rule } from '../types.js';
import { compareShares, labelPairs } from './label-shares.js';

/** Words that say the preparation changed the class balance on purpose. */
const REBALANCING = [
  'balance',
  'balanced',
  'rebalance',
  'rebalanced',
  'rebalancing',
  'smote',
  'class weights',
  // written as one word or hyphenated (`down-sample` reads as `down sample`)
  ...['over', 'under', 'down', 'up', 're'].flatMap((prefix) =>
    ['sample', 'sampled', 'sampling'].flatMap((verb) => [`${prefix}${verb}`, `${prefix} ${verb}`]),
  ),
];

export const rawTrainingLabels = rule(
  {
    id: 'data-distribution/raw-training-labels',
    category: 'data-distribution',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-engineer', 'data-scientist'],
    description:
      'The share of each label in the training data is close to its share in the raw data, within stated tolerances, unless the preparation says it rebalanced the classes.',
    rationale:
      'Sampling, filtering or joins that change the class balance without anyone deciding it leave the model with priors that match neither the raw data nor operation; its scores are miscalibrated and thresholds picked on the training data mislead.',
    remedy:
      'Find the preparation step that changed the balance; fix it, or describe the rebalancing in `preparation_process` and calibrate the model on data with the real balance.',
    tec: [],
    examples: ['M01-04'],
    needs: ['training-data', 'raw-data'],
  },
  ({ facts, report }) => {
    for (const { training, raw } of trainingFromRaw(facts)) {
      const pairs = labelPairs(raw.data.labels_distribution ?? [], training.data.distribution ?? []);
      if (pairs.length === 0) continue;
      const result = compareShares(pairs);
      if (!result.severity) continue;
      const steps = (training.data.preparation_process ?? [])
        .map((s) => `${s.data_processing_step} ${s.data_processing_detail ?? ''}`)
        .join(' ');
      const intended = mentions(steps, REBALANCING);
      const cited = result.drifted.length > 0 ? result.drifted : pairs;
      report({
        message: `label shares differ between raw-data \`${raw.name}\` and training-data \`${training.name}\`: ${result.text}${intended ? `; the preparation process says it rebalanced ("${intended}"), so this is information` : ''}`,
        cite: cited.flatMap((p) => [
          { descriptor: raw, path: ['labels_distribution', p.referenceIndex, 'percentage'] },
          { descriptor: training, path: ['distribution', p.currentIndex, 'percentage'] },
        ]),
        key: 'labels',
        // A documented rebalancing is a decision, not a mismatch: still worth knowing for calibration.
        severity: intended ? 'info' : result.severity,
      });
    }
  },
);
