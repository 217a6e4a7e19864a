import { thresholdMissing } from '../../../src/rules/monitoring/threshold-missing.js';
import { ruleTester } from '../tester.js';

const context = { kind: 'system-context', name: 'ctx', goals: [{ id: 'G-01', goal: 'catch delays' }] };
const model = (algorithm: Record<string, unknown>[], business: Record<string, unknown>[] = []) => ({
  kind: 'trained-model',
  name: 'm',
  algorithm_metrics: algorithm,
  business_metrics: business,
});

ruleTester(thresholdMissing, {
  valid: [
    { name: 'operator and threshold given', docs: [model([{ metric: 'recall-7d', operator: '>=', threshold: 0.5 }])] },
    {
      name: 'a threshold of 0 is a threshold (TEC flags 0 as missing)',
      docs: [model([], [{ metric: 'complaints', operator: 'less or equal than', threshold: 0 }])],
    },
    { name: 'no metrics', docs: [{ kind: 'trained-model', name: 'm' }] },
  ],
  invalid: [
    {
      name: 'a tracked metric without a condition is information',
      docs: [model([{ metric: 'p95-latency' }])],
      findings: [
        {
          message:
            /^the algorithm metric `p95-latency` of trained-model `m` has no operator and threshold: it is tracked, but nobody will be notified when it degrades$/,
          severity: 'info',
          evidence: ['trained-model/m:/algorithm_metrics/0'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'a metric verifying a goal without a condition is a warning',
      docs: [context, model([], [{ metric: 'calls', goal_mapping: 'G-01' }])],
      findings: [
        {
          message: /business metric `calls` .* verifies goal G-01 but has no operator and threshold/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'half a condition cannot be evaluated',
      docs: [
        model([
          { metric: 'recall-7d', operator: '>=' },
          { metric: 'psi', threshold: 0.2 },
        ]),
      ],
      findings: [
        {
          message: /`recall-7d` .* has operator >= but no threshold/,
          severity: 'warning',
          evidence: ['trained-model/m:/algorithm_metrics/0'],
        },
        { message: /`psi` .* has threshold 0\.2 but no operator/, severity: 'warning' },
      ],
    },
  ],
});
