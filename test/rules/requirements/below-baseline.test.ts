import { belowBaseline } from '../../../src/rules/requirements/below-baseline.js';
import { ruleTester } from '../tester.js';

const context = (goal: Record<string, unknown>) => ({
  kind: 'system-context',
  name: 'ctx',
  goals: [{ id: 'G-01', goal: 'catch delays', ...goal }],
});
const model = (fields: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', ...fields });
const results = (pairs: Record<string, number>) =>
  Object.entries(pairs).map(([metric, result]) => ({ metric, result }));

ruleTester(belowBaseline, {
  valid: [
    {
      name: 'test result meets the baseline',
      docs: [
        context({ metric: 'recall', operator: '>=', baseline: 0.5 }),
        model({ test_metrics: results({ recall: 0.56 }) }),
      ],
    },
    {
      name: 'equal to the baseline, written differently (0.5 vs 0.50)',
      docs: [
        context({ metric: 'Recall', operator: 'at least', baseline: 0.5 }),
        model({ test_metrics: results({ sensitivity: 0.5 }) }),
      ],
    },
    {
      name: 'the test result counts, not a worse evaluation result',
      docs: [
        context({ metric: 'precision', operator: '>=', baseline: 0.3 }),
        model({ evaluation_metrics: results({ precision: 0.2 }), test_metrics: results({ precision: 0.31 }) }),
      ],
    },
    {
      name: 'an error rate below its baseline, direction from LOWER_IS_BETTER',
      docs: [
        context({ metric: 'fpr', baseline: 0.1 }),
        model({ test_metrics: results({ 'false positive rate': 0.05 }) }),
      ],
    },
    {
      name: 'no result for the metric: another rule',
      docs: [
        context({ metric: 'recall', operator: '>=', baseline: 0.5 }),
        model({ test_metrics: results({ precision: 0.1 }) }),
      ],
    },
    {
      name: 'an `other` goal metric without operator has no known direction',
      docs: [
        context({ metric: 'other', other_metric: 'calls per 1k', baseline: 12 }),
        model({ test_metrics: [{ metric: 'other', other_metric: 'calls per 1k', result: 20 }] }),
      ],
    },
    { name: 'no model yet', docs: [context({ metric: 'recall', operator: '>=', baseline: 0.5 })] },
  ],
  invalid: [
    {
      name: 'test recall below the baseline',
      docs: [
        context({ metric: 'recall', operator: '>=', baseline: 0.5 }),
        model({ test_metrics: results({ precision: 0.3, recall: 0.42 }) }),
      ],
      findings: [
        {
          message:
            /^goal G-01 of system-context `ctx` needs recall >= 0\.5; trained-model `m` has a test recall of 0\.42$/,
          severity: 'error',
          evidence: ['system-context/ctx:/goals/0/baseline', 'trained-model/m:/test_metrics/1/result'],
          roles: ['product-owner', 'data-scientist'],
        },
      ],
    },
    {
      name: 'evaluation result used when there is no test result, and said so',
      docs: [
        context({ metric: 'f1', operator: '>', baseline: 0.4 }),
        model({ evaluation_metrics: results({ f1: 0.4 }) }),
      ],
      findings: [
        {
          message: /needs f1 > 0\.4; .* has an evaluation f1 of 0\.4$/,
          evidence: ['system-context/ctx:/goals/0/baseline', 'trained-model/m:/evaluation_metrics/0/result'],
        },
      ],
    },
    {
      name: 'an error rate above its baseline, the direction implied',
      docs: [context({ metric: 'mae', baseline: 5 }), model({ test_metrics: results({ 'mean absolute error': 7.5 }) })],
      findings: [{ message: /needs mae <= 5 \(<= is implied: mae is better lower\); .* test mae of 7\.5/ }],
    },
    {
      name: 'a false-negative rate derived from recall',
      docs: [
        context({ metric: 'fnr', operator: '<=', baseline: 0.3 }),
        model({ test_metrics: results({ recall: 0.56 }) }),
      ],
      findings: [
        {
          message: /needs false-negative-rate <= 0\.3; .* test false-negative-rate of 0\.44 \(1 − test recall 0\.56\)/,
          evidence: ['system-context/ctx:/goals/0/baseline', 'trained-model/m:/test_metrics/0/result'],
        },
      ],
    },
    {
      name: 'an `other` metric matched by its name',
      docs: [
        context({ metric: 'other', other_metric: 'Calls per 1k bookings', operator: '<=', baseline: 12 }),
        model({ test_metrics: [{ metric: 'other', other_metric: 'calls-per-1k-bookings', result: 14.5 }] }),
      ],
      findings: [{ message: /needs Calls per 1k bookings <= 12; .* test Calls per 1k bookings of 14\.5/ }],
    },
  ],
});
