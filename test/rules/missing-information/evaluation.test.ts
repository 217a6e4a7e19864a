import { evaluation } from '../../../src/rules/missing-information/evaluation.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const tm = (change: Record<string, unknown>) => one('trained-model', change);

ruleTester(evaluation, {
  valid: [
    { name: 'complete evaluation', docs: system() },
    {
      name: 'a result of 0 and a holdout of 0 are values (TEC counts them missing: B-M2)',
      docs: [
        tm({
          evaluation_dataset: { name: 'cv', holdout_percentage: 0, algorithm: '5-fold cross-validation' },
          evaluation_metrics: [
            { metric: 'false-positive-rate', result: 0.0 },
            { metric: 'other', other_metric: 'missed alarms', result: 0 },
          ],
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'no evaluation at all',
      docs: [tm({ evaluation_dataset: undefined, evaluation_metrics: undefined })],
      findings: [
        {
          message: /^trained-model `m` does not say: evaluation_dataset, evaluation_metrics$/,
          severity: 'warning',
          evidence: ['trained-model/m:'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'a split without its share and method, pointed at the split',
      docs: [tm({ evaluation_dataset: { name: 'valid', seed: 42 } })],
      findings: [
        {
          message:
            /^trained-model `m` does not say: evaluation_dataset\.holdout_percentage, evaluation_dataset\.algorithm$/,
          evidence: ['trained-model/m:/evaluation_dataset'],
        },
      ],
    },
    {
      name: 'an `other` metric without its name, and an empty list of metrics is none',
      docs: [
        tm({
          evaluation_metrics: [
            { metric: 'recall', result: 0.6 },
            { metric: 'other', result: 3 },
          ],
        }),
        { ...tm({ evaluation_metrics: [] }), name: 'm2' },
      ],
      findings: [
        {
          message: /^trained-model `m` does not say: evaluation_metrics\.other_metric of `#2`$/,
          evidence: ['trained-model/m:/evaluation_metrics/1'],
        },
        { message: /^trained-model `m2` does not say: evaluation_metrics$/ },
      ],
    },
  ],
});
