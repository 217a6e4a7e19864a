import { logRetention } from '../../../src/rules/monitoring/log-retention.js';
import { ruleTester } from '../tester.js';

const model = (...logs: Record<string, unknown>[]) => ({ kind: 'trained-model', name: 'm', log_data: logs });
const prod = (fields: Record<string, unknown>, ...logs: string[]) => ({
  kind: 'production-environment',
  name: 'prod',
  model_logs: (logs.length ? logs : ['prediction-log']).map((log) => ({ log })),
  ...fields,
});

ruleTester(logRetention, {
  valid: [
    {
      name: 'kept as long as needed, in other units',
      docs: [model({ log: 'prediction-log', history: '2160h' }), prod({ log_retention: '90d' })],
    },
    {
      name: 'a bare number is days',
      docs: [model({ log: 'prediction-log', history: 90 }), prod({ log_retention: 90 })],
    },
    { name: 'no history asked', docs: [model({ log: 'prediction-log' }), prod({ log_retention: '1d' })] },
    {
      name: 'a log production does not keep is log-not-kept’s finding',
      docs: [model({ log: 'prediction-log' }, { log: 'debug', history: '365d' }), prod({ log_retention: '30d' })],
    },
    { name: 'no production environment', docs: [model({ log: 'prediction-log', history: '90d' })] },
  ],
  invalid: [
    {
      name: 'logs deleted before the history needed',
      docs: [
        model({ log: 'prediction-log', history: '90d' }, { log: 'errors', history: '30d' }),
        prod({ log_retention: '30d' }, 'prediction-log', 'errors'),
      ],
      findings: [
        {
          message:
            /^trained-model `m` needs `prediction-log` kept for 90d; production-environment `prod` keeps logs for 30d$/,
          severity: 'warning',
          evidence: ['trained-model/m:/log_data/0/history', 'production-environment/prod:/log_retention'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'production does not say how long: information, naming the longest history',
      docs: [
        model({ log: 'prediction-log', history: '14d' }, { log: 'errors', history: '365d' }),
        prod({}, 'prediction-log', 'errors'),
      ],
      findings: [
        {
          message: /needs `errors` kept for 365d; production-environment `prod` does not say how long it keeps logs/,
          severity: 'info',
          evidence: ['trained-model/m:/log_data/1/history', 'production-environment/prod:'],
        },
      ],
    },
  ],
});
