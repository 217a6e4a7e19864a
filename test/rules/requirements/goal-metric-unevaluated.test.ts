import { goalMetricUnevaluated } from '../../../src/rules/requirements/goal-metric-unevaluated.js';
import { ruleTester } from '../tester.js';

const context = (...goals: Record<string, unknown>[]) => ({
  kind: 'system-context',
  name: 'ctx',
  goals: goals.map((g, i) => ({ id: `G-0${i + 1}`, goal: 'a goal', ...g })),
});
const model = (fields: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', ...fields });

ruleTester(goalMetricUnevaluated, {
  valid: [
    {
      name: 'evaluated on the test set, under a synonym',
      docs: [context({ metric: 'recall' }), model({ test_metrics: [{ metric: 'sensitivity', result: 0.6 }] })],
    },
    {
      name: 'evaluated on the evaluation split only',
      docs: [context({ metric: 'precision' }), model({ evaluation_metrics: [{ metric: 'ppv', result: 0.3 }] })],
    },
    {
      name: 'a rate known from its complement',
      docs: [
        context({ metric: 'false-positive-rate' }),
        model({ test_metrics: [{ metric: 'specificity', result: 0.9 }] }),
      ],
    },
    {
      name: 'a business goal (`other` metric) is measured in operation, not on a test set',
      docs: [
        context({ metric: 'other', other_metric: 'calls' }),
        model({ test_metrics: [{ metric: 'recall', result: 0.6 }] }),
      ],
    },
    {
      name: 'a model with no results at all is left to test-data/no-test-set',
      docs: [context({ metric: 'recall' }), model({})],
    },
    {
      name: 'a goal without metric',
      docs: [context({}), model({ test_metrics: [{ metric: 'recall', result: 0.6 }] })],
    },
  ],
  invalid: [
    {
      name: 'goal on recall, model evaluated on accuracy and ROC-AUC',
      docs: [
        context({ metric: 'recall' }),
        model({
          test_metrics: [
            { metric: 'accuracy', result: 0.9 },
            { metric: 'auc', result: 0.8 },
          ],
        }),
      ],
      findings: [
        {
          message:
            /^goal G-01 of system-context `ctx` is measured by recall; trained-model `m` reports no evaluation or test recall \(it reports accuracy, roc-auc\)$/,
          severity: 'warning',
          evidence: ['system-context/ctx:/goals/0/metric', 'trained-model/m:/test_metrics'],
          roles: ['product-owner', 'data-scientist'],
        },
      ],
    },
    {
      name: 'one finding per unevaluated goal',
      docs: [
        context({ metric: 'recall' }, { metric: 'precision' }, { metric: 'f1' }),
        model({ evaluation_metrics: [{ metric: 'f1', result: 0.4 }] }),
      ],
      findings: [
        {
          message: /G-01 .* recall/,
          evidence: ['system-context/ctx:/goals/0/metric', 'trained-model/m:/evaluation_metrics'],
        },
        { message: /G-02 .* precision/ },
      ],
    },
  ],
});
