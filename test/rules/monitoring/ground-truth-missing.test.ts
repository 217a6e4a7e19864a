import { groundTruthMissing } from '../../../src/rules/monitoring/ground-truth-missing.js';
import { ruleTester } from '../tester.js';

const model = (fields: Record<string, unknown>) => ({
  kind: 'trained-model',
  name: 'm',
  algorithm_metrics: [{ metric: 'recall-7d' }, { metric: 'feature-drift-psi' }, { metric: 'roc-auc-7d' }],
  ...fields,
});

ruleTester(groundTruthMissing, {
  valid: [
    { name: 'the model declares feedback', docs: [model({ user_system_feedback: [{ short_name: 'actual-delay' }] })] },
    {
      name: 'feedback declared and collected by production',
      docs: [
        model({ user_system_feedback: [{ short_name: 'actual-delay' }] }),
        { kind: 'production-environment', name: 'prod', user_system_feedback: [{ feedback: 'actual-delay' }] },
      ],
    },
    {
      name: 'drift metrics need no labels',
      docs: [
        {
          kind: 'trained-model',
          name: 'm',
          algorithm_metrics: [{ metric: 'feature-drift-psi' }, { metric: 'p95-latency' }],
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'accuracy metrics and no feedback anywhere',
      docs: [model({}), { kind: 'production-environment', name: 'prod' }],
      findings: [
        {
          message:
            /^trained-model `m` asks for `recall-7d`, `roc-auc-7d`, which need the true outcome of each prediction, but declares no user or system feedback to compute them from$/,
          severity: 'warning',
          evidence: ['trained-model/m:/algorithm_metrics/0/metric', 'trained-model/m:/algorithm_metrics/2/metric'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'an empty feedback list is no feedback',
      docs: [model({ user_system_feedback: [] })],
      findings: [
        {
          message: /declares no user or system feedback/,
          evidence: ['trained-model/m:/algorithm_metrics/0/metric', 'trained-model/m:/algorithm_metrics/2/metric'],
        },
      ],
    },
  ],
});
