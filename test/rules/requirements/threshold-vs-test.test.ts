import { thresholdVsTest } from '../../../src/rules/requirements/threshold-vs-test.js';
import { ruleTester } from '../tester.js';

const context = (goal: Record<string, unknown>) => ({
  kind: 'system-context',
  name: 'ctx',
  goals: [{ id: 'G-01', goal: 'catch delays', ...goal }],
});
const model = (metric: Record<string, unknown>, tests: Record<string, number> = {}, list = 'algorithm_metrics') => ({
  kind: 'trained-model',
  name: 'm',
  [list]: [metric],
  test_metrics: Object.entries(tests).map(([m, result]) => ({ metric: m, result })),
});

ruleTester(thresholdVsTest, {
  valid: [
    {
      name: 'threshold between the goal baseline and the test result',
      docs: [
        context({ metric: 'recall', operator: '>=', baseline: 0.5 }),
        model({ metric: 'recall-7d', operator: '>=', threshold: 0.5, goal_mapping: 'G-01' }, { recall: 0.56 }),
      ],
    },
    {
      name: 'stricter than the goal is fine',
      docs: [
        context({ metric: 'recall', baseline: 0.5 }),
        model({ metric: 'Recall (weekly)', operator: '>', threshold: 0.52, goal_mapping: 'G-01' }, { recall: 0.6 }),
      ],
    },
    {
      name: 'an error rate healthy below its threshold',
      docs: [model({ metric: 'fpr-30d', operator: '<', threshold: 0.35 }, { fpr: 0.31 })],
    },
    {
      name: 'a change of a metric (accuracy-drop < 0.05) is not the metric itself',
      docs: [model({ metric: 'accuracy-drop', operator: '<', threshold: 0.05 }, { accuracy: 0.9 })],
    },
    {
      name: 'a metric mapped to a goal on another metric is not compared with its baseline',
      docs: [
        context({ metric: 'recall', operator: '>=', baseline: 0.5 }),
        model({ metric: 'roc-auc-7d', operator: '>=', threshold: 0.45, goal_mapping: 'G-01' }, { 'roc-auc': 0.69 }),
      ],
    },
    {
      name: 'a metric of unknown kind, or without a threshold',
      docs: [
        {
          kind: 'trained-model',
          name: 'm',
          algorithm_metrics: [{ metric: 'feature-drift-psi', operator: '<', threshold: 0.2 }, { metric: 'recall-7d' }],
          test_metrics: [{ metric: 'recall', result: 0.1 }],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'the test result already violates the threshold',
      docs: [model({ metric: 'recall-7d', operator: '>=', threshold: 0.6 }, { precision: 0.3, recall: 0.56 })],
      findings: [
        {
          message:
            /^`recall-7d` of trained-model `m` notifies when it is below 0\.6, and the model's own test recall of 0\.56 already is: it will alert from day one$/,
          severity: 'warning',
          evidence: ['trained-model/m:/algorithm_metrics/0/threshold', 'trained-model/m:/test_metrics/1/result'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'an error-rate threshold the evaluation result exceeds (derived from specificity)',
      docs: [
        {
          kind: 'trained-model',
          name: 'm',
          algorithm_metrics: [{ metric: 'false_positive_rate_daily', operator: '<=', threshold: 0.1 }],
          evaluation_metrics: [{ metric: 'specificity', result: 0.85 }],
        },
      ],
      findings: [
        {
          message:
            /notifies when it is above 0\.1, and the model's own evaluation false-positive-rate of 0\.15 \(1 − evaluation specificity 0\.85\)/,
        },
      ],
    },
    {
      name: 'a threshold looser than the goal baseline',
      docs: [
        context({ metric: 'recall', operator: '>=', baseline: 0.5 }),
        model({ metric: 'recall-7d', operator: '>=', threshold: 0.4, goal_mapping: 'G-01' }, { recall: 0.56 }),
      ],
      findings: [
        {
          message:
            /^`recall-7d` of trained-model `m` notifies only when it is below 0\.4, but goal G-01 of system-context `ctx` needs recall >= 0\.5: the goal can be missed without anyone being notified$/,
          evidence: ['trained-model/m:/algorithm_metrics/0/threshold', 'system-context/ctx:/goals/0/baseline'],
          roles: ['data-scientist', 'product-owner'],
        },
      ],
    },
    {
      name: 'both at once, on a business metric with a lower-is-better goal',
      docs: [
        context({ metric: 'mae', baseline: 5 }),
        model(
          { metric: 'mae-30d', operator: '<=', threshold: 8, goal_mapping: 'G-01' },
          { mae: 9 },
          'business_metrics',
        ),
      ],
      findings: [
        { message: /notifies when it is above 8, and the model's own test mae of 9 already is/ },
        { message: /notifies only when it is above 8, but goal G-01 .* needs mae <= 5/ },
      ],
    },
  ],
});
