import { noTestSet } from '../../../src/rules/test-data/no-test-set.js';
import { ruleTester } from '../tester.js';

const model = (fields: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', ...fields });
const testSet = { name: 'april', version: '1.1', file: 's3://b/test.parquet' };
const results = [{ metric: 'recall', result: 0 }];

ruleTester(noTestSet, {
  valid: [
    {
      name: 'a test set and results on it (a result of 0 is a result; TEC flags it)',
      docs: [model({ test_dataset: testSet, test_metrics: results })],
    },
    { name: 'no trained model: nothing to check', docs: [{ kind: 'data-pipeline', name: 'p' }] },
  ],
  invalid: [
    {
      name: 'neither test set nor results',
      docs: [model({ evaluation_metrics: results })],
      findings: [
        {
          message: /^trained-model `m` names no test set and reports no test results$/,
          severity: 'warning',
          evidence: ['trained-model/m:'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'a test set without results',
      docs: [model({ test_dataset: testSet, test_metrics: [] })],
      findings: [
        { message: /names its test set but reports no results on it/, evidence: ['trained-model/m:/test_dataset'] },
      ],
    },
    {
      name: 'results without a test set (an empty one counts as none)',
      docs: [model({ test_dataset: { name: ' ' }, test_metrics: results })],
      findings: [
        {
          message: /reports test results but does not say which data they come from/,
          evidence: ['trained-model/m:/test_metrics'],
        },
      ],
    },
  ],
});
