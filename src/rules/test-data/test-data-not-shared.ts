// A test data set described without saying where it is: the people who must re-run the tests (after
// a port, in integration, after a retraining) cannot get it.
import { rule } from '../types.js';
import { described } from './datasets.js';

const DATASETS = [
  {
    field: 'test_dataset',
    what: 'test set',
    who: 'nobody else can re-run the model tests (after a port or a retraining)',
  },
  {
    field: 'integration_test_dataset',
    what: 'integration test data',
    who: 'the integrators cannot replicate the tests against the deployed model',
  },
] as const;

export const testDataNotShared = rule(
  {
    id: 'test-data/test-data-not-shared',
    category: 'test-data',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'software-engineer'],
    description: 'The test set and the integration test data of the trained model say where they are (file).',
    rationale:
      'Test data nobody can find is test data nobody runs: integrators cannot verify the deployed or ported model against the expected outputs, and results cannot be reproduced.',
    remedy:
      'Store the data set where the other roles can reach it (a repository, a bucket, a data catalogue) and give its location in `file`; if policy forbids sharing it, share a synthetic or masked set instead.',
    tec: ['MF-trained-model'],
    examples: ['M16-04', 'M10-06', 'M01-02'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      for (const { field, what, who } of DATASETS) {
        const dataset = model.data[field];
        if (!described(dataset) || (dataset.file !== undefined && dataset.file.trim() !== '')) continue;
        const name = dataset.name ? ` \`${dataset.name}\`` : '';
        report({
          message: `the ${what}${name} of trained-model \`${model.name}\` does not say where it is (no file): ${who}`,
          cite: [{ descriptor: model, path: [field] }],
          key: field,
        });
      }
    }
  },
);
