import {
  algorithmMetricNotCollected,
  businessMetricNotCollected,
  feedbackNotCollected,
  logNotKept,
} from '../../../src/rules/monitoring/collected.js';
import { ruleTester } from '../tester.js';

const model = (fields: Record<string, unknown>, name = 'm') => ({ kind: 'trained-model', name, ...fields });
const prod = (fields: Record<string, unknown>, name = 'prod') => ({ kind: 'production-environment', name, ...fields });

ruleTester(algorithmMetricNotCollected, {
  valid: [
    {
      name: 'every metric implemented',
      docs: [
        model({ algorithm_metrics: [{ metric: 'recall-7d' }, { metric: 'feature-drift-psi' }] }),
        prod({
          algorithm_metrics: [{ metric: 'recall-7d', implementation: 'nightly job' }, { metric: 'feature-drift-psi' }],
        }),
      ],
    },
    {
      name: 'no production environment yet: nothing to compare (TEC R10 flags every metric)',
      docs: [model({ algorithm_metrics: [{ metric: 'recall-7d' }] })],
    },
    {
      name: 'implemented under other_metrics, spelt differently (TEC R10 flags it)',
      docs: [
        model({ algorithm_metrics: [{ metric: 'Feature Drift PSI' }] }),
        prod({ other_metrics: [{ metric: 'feature-drift-psi' }] }),
      ],
    },
    {
      name: 'an environment serving another model is not compared',
      docs: [
        model({ algorithm_metrics: [{ metric: 'recall-7d' }] }, 'a'),
        model({}, 'b'),
        prod({ trained_model: 'b' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'a metric production does not compute (TEC R10; the example’s feature-drift-psi)',
      docs: [
        model({
          algorithm_metrics: [{ metric: 'recall-7d' }, { metric: 'feature-drift-psi', operator: '<', threshold: 0.2 }],
        }),
        prod({ algorithm_metrics: [{ metric: 'recall-7d' }] }),
      ],
      findings: [
        {
          message:
            /^trained-model `m` needs the algorithm metric `feature-drift-psi`; production-environment `prod` computes no algorithm metric of that name$/,
          severity: 'error',
          evidence: ['trained-model/m:/algorithm_metrics/1/metric', 'production-environment/prod:/algorithm_metrics'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'an environment that lists no metrics, among two serving the model',
      docs: [
        model({ algorithm_metrics: [{ metric: 'recall-7d' }] }),
        prod({ trained_model: 'm', algorithm_metrics: [{ metric: 'recall-7d' }] }),
        prod({ trained_model: 'm@1.0' }, 'edge'),
      ],
      findings: [
        {
          message: /needs the algorithm metric `recall-7d`; production-environment `edge` lists no algorithm_metrics$/,
          evidence: ['trained-model/m:/algorithm_metrics/0/metric', 'production-environment/edge:'],
        },
      ],
    },
  ],
});

ruleTester(businessMetricNotCollected, {
  valid: [
    {
      name: 'implemented',
      docs: [
        model({ business_metrics: [{ metric: 'calls-per-1k' }] }),
        prod({ business_metrics: [{ metric: 'calls-per-1k' }] }),
      ],
    },
    {
      name: 'no production environment (TEC R9 flags it)',
      docs: [model({ business_metrics: [{ metric: 'calls-per-1k' }] })],
    },
  ],
  invalid: [
    {
      name: 'a business metric nobody computes (TEC R9)',
      docs: [
        model({ business_metrics: [{ metric: 'calls-per-1k' }], algorithm_metrics: [{ metric: 'calls-per-1k' }] }),
        prod({ algorithm_metrics: [{ metric: 'calls-per-1k' }] }),
      ],
      findings: [
        {
          message: /needs the business metric `calls-per-1k`; production-environment `prod` lists no business_metrics/,
          evidence: ['trained-model/m:/business_metrics/0/metric', 'production-environment/prod:'],
        },
      ],
    },
  ],
});

ruleTester(logNotKept, {
  valid: [
    {
      name: 'kept under model_logs or described under other_logs',
      docs: [
        model({ log_data: [{ log: 'prediction-log' }, { log: 'Access Log' }] }),
        prod({ model_logs: [{ log: 'prediction-log' }], other_logs: [{ log: 'access-log', implementation: 'Loki' }] }),
      ],
    },
    { name: 'no production environment (TEC R11 flags it)', docs: [model({ log_data: [{ log: 'prediction-log' }] })] },
  ],
  invalid: [
    {
      name: 'a log production does not keep (TEC R11)',
      docs: [
        model({ log_data: [{ log: 'prediction-log' }, { log: 'input-validation-errors' }] }),
        prod({ model_logs: [{ log: 'prediction-log' }] }),
      ],
      findings: [
        {
          message:
            /^trained-model `m` needs the log `input-validation-errors`; production-environment `prod` keeps no log of that name$/,
          severity: 'warning',
          evidence: ['trained-model/m:/log_data/1/log', 'production-environment/prod:/model_logs'],
        },
      ],
    },
  ],
});

ruleTester(feedbackNotCollected, {
  valid: [
    {
      name: 'collected',
      docs: [
        model({ user_system_feedback: [{ short_name: 'actual-delay' }] }),
        prod({ user_system_feedback: [{ feedback: 'actual-delay' }] }),
      ],
    },
    {
      name: 'no production environment (TEC R13 flags it)',
      docs: [model({ user_system_feedback: [{ short_name: 'actual-delay' }] })],
    },
  ],
  invalid: [
    {
      name: 'feedback nobody collects (TEC R13)',
      docs: [
        model({ user_system_feedback: [{ short_name: 'actual-delay' }, { short_name: 'not-helpful' }] }),
        prod({ user_system_feedback: [{ feedback: 'not-helpful' }] }),
      ],
      findings: [
        {
          message:
            /needs the feedback item `actual-delay`; production-environment `prod` collects no feedback item of that name/,
          severity: 'warning',
          evidence: [
            'trained-model/m:/user_system_feedback/0/short_name',
            'production-environment/prod:/user_system_feedback',
          ],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
  ],
});
