import { noDriftMetric } from '../../../src/rules/monitoring/no-drift-metric.js';
import { ruleTester } from '../tester.js';

const model = (...metrics: string[]) => ({
  kind: 'trained-model',
  name: 'm',
  algorithm_metrics: metrics.map((metric) => ({ metric })),
});

ruleTester(noDriftMetric, {
  valid: [
    { name: 'a PSI metric', docs: [model('recall-7d', 'feature-drift-psi')] },
    { name: 'a distribution distance', docs: [model('output_distribution_js')] },
    { name: 'KS on inputs', docs: [model('KS (distance)')] },
    {
      name: 'production computes a drift metric of its own',
      docs: [
        model('recall-7d'),
        { kind: 'production-environment', name: 'prod', other_metrics: [{ metric: 'training-serving skew' }] },
      ],
    },
    { name: 'no algorithm metrics: a missing-information matter', docs: [{ kind: 'trained-model', name: 'm' }] },
  ],
  invalid: [
    {
      name: 'accuracy metrics only',
      docs: [model('recall-7d', 'precision-7d')],
      findings: [
        {
          message:
            /^no metric watches data drift for trained-model `m`: its algorithm metrics are `recall-7d`, `precision-7d`$/,
          severity: 'info',
          evidence: ['trained-model/m:/algorithm_metrics'],
        },
      ],
    },
    {
      name: '“kiss” is not KS, and production computes no drift metric either',
      docs: [
        model('kiss-rate'),
        { kind: 'production-environment', name: 'prod', other_metrics: [{ metric: 'p95-latency' }] },
      ],
      findings: [{ message: /`kiss-rate`, and production computes no drift metric either$/ }],
    },
  ],
});
