// The held-out test set and the results on it: the unbiased estimate of how the model performs,
// and what a port, a retraining or an integration is re-verified against.
import { rule } from '../types.js';
import { described } from './datasets.js';

export const noTestSet = rule(
  {
    id: 'test-data/no-test-set',
    category: 'test-data',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'software-engineer'],
    description: 'The trained model names its test set (test_dataset) and reports its results on it (test_metrics).',
    rationale:
      'Without a named test set and its results, nobody can tell how well the model performs on data it never saw, compare it with the goals, or re-verify a ported or retrained model against the same data.',
    remedy:
      'Describe the held-out test set (name, version, location) in test_dataset and report the results on it in test_metrics.',
    tec: ['MF-trained-model'],
    examples: ['M02-09', 'M10-06', 'M11-06'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const hasSet = described(model.data.test_dataset);
      const hasResults = (model.data.test_metrics?.length ?? 0) > 0;
      if (hasSet && hasResults) continue;
      const name = `trained-model \`${model.name}\``;
      const message =
        !hasSet && !hasResults
          ? `${name} names no test set and reports no test results`
          : hasSet
            ? `${name} names its test set but reports no results on it (test_metrics)`
            : `${name} reports test results but does not say which data they come from (test_dataset)`;
      report({
        message,
        cite: [{ descriptor: model, path: hasSet ? ['test_dataset'] : hasResults ? ['test_metrics'] : [] }],
        key: 'test-set',
      });
    }
  },
);
