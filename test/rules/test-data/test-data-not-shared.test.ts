import { testDataNotShared } from '../../../src/rules/test-data/test-data-not-shared.js';
import { ruleTester } from '../tester.js';

const model = (fields: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', ...fields });

ruleTester(testDataNotShared, {
  valid: [
    {
      name: 'both data sets say where they are',
      docs: [
        model({
          test_dataset: { name: 'april', file: 's3://b/t' },
          integration_test_dataset: { file: 'tests/cases.jsonl' },
        }),
      ],
    },
    { name: 'no data sets: other rules', docs: [model({ integration_test_dataset: {} })] },
  ],
  invalid: [
    {
      name: 'integration test data without a location (TEC MF: Integration Test Dataset .File)',
      docs: [
        model({
          test_dataset: { name: 'april', file: 's3://b/t' },
          integration_test_dataset: { name: 'cases', test_results: 'all pass' },
        }),
      ],
      findings: [
        {
          message:
            /^the integration test data `cases` of trained-model `m` does not say where it is \(no file\): the integrators cannot replicate the tests against the deployed model$/,
          severity: 'warning',
          evidence: ['trained-model/m:/integration_test_dataset'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'a test set with a blank file (TEC MF: Test Dataset .File)',
      docs: [model({ test_dataset: { version: '1.1', file: ' ' } })],
      findings: [
        {
          message: /^the test set of trained-model `m` does not say where it is/,
          evidence: ['trained-model/m:/test_dataset'],
        },
      ],
    },
  ],
});
