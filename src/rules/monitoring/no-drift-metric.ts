// Whether anything watches the inputs for drift. Accuracy metrics notice drift only once ground
// truth arrives (days or weeks later); a drift metric notices it the same day, labels or not.
import { mentions } from '../match.js';
import { rule } from '../types.js';

const DRIFT_WORDS = [
  'drift',
  'psi',
  'population stability',
  'ks',
  'kolmogorov',
  'distribution',
  'distributions',
  'skew',
  'shift',
  'divergence',
  'kl',
  'js',
  'jensen',
  'wasserstein',
  'chi2',
  'chi square',
  'hellinger',
  'out of distribution',
  'ood',
];

export const noDriftMetric = rule(
  {
    id: 'monitoring/no-drift-metric',
    category: 'monitoring',
    severity: 'info',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      'Some algorithm metric of the trained model, or a metric production computes for it, watches data drift (PSI, KS, distribution distance, skew).',
    rationale:
      'When operational data drifts away from the training data (a unit change upstream, a new season, new categories), accuracy metrics notice only once the ground truth arrives, often weeks later; a drift metric notices the day it happens.',
    remedy:
      'Add an algorithm metric that compares the operational inputs (and outputs) with the training data, such as the PSI of each feature, with a threshold, and compute it in production (or run `dovetail serve`).',
    tec: [],
    examples: ['M08-01', 'M12-03', 'M18-01', 'M19-01', 'M04-01'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const own = model.data.algorithm_metrics ?? [];
      if (own.length === 0) continue; // no monitoring plan yet: a missing-information matter
      const environments = facts.environmentsOf(model);
      const names = [
        ...own.map((m) => m.metric),
        ...environments.flatMap((env) =>
          [...(env.data.algorithm_metrics ?? []), ...(env.data.other_metrics ?? [])].map((m) => m.metric),
        ),
      ];
      if (names.some((n) => mentions(n, DRIFT_WORDS))) continue;
      report({
        message: `no metric watches data drift for trained-model \`${model.name}\`: its algorithm metrics are ${own.map((m) => `\`${m.metric}\``).join(', ')}${environments.length ? ', and production computes no drift metric either' : ''}`,
        cite: [{ descriptor: model, path: ['algorithm_metrics'] }],
        key: 'drift',
      });
    }
  },
);
