import { runtimeMonitoring } from '../../../src/rules/missing-information/runtime-monitoring.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const nothing = {
  algorithm_metrics: undefined,
  business_metrics: undefined,
  log_data: undefined,
  user_system_feedback: undefined,
};
const peNothing = {
  algorithm_metrics: undefined,
  business_metrics: undefined,
  model_logs: undefined,
  user_system_feedback: undefined,
  log_retention: undefined,
};

ruleTester(runtimeMonitoring, {
  valid: [
    { name: 'complete on both sides', docs: system() },
    {
      name: 'a threshold of 0 is a threshold (TEC counts it missing: B-M2)',
      docs: [one('trained-model', { algorithm_metrics: [{ metric: 'drift', operator: '<=', threshold: 0 }] })],
    },
    {
      name: 'what production lacks of the model’s lists is the monitoring category’s, not a gap here',
      docs: system({ 'production-environment': peNothing }),
    },
  ],
  invalid: [
    {
      name: 'a model that asks for no monitoring at all; production with nothing to implement says nothing either',
      docs: system({ 'trained-model': nothing, 'production-environment': peNothing }),
      findings: [
        {
          message:
            /^trained-model `m` does not say: algorithm_metrics, business_metrics, log_data, user_system_feedback$/,
          severity: 'info',
          evidence: ['trained-model/m:'],
          roles: ['data-scientist'],
        },
        {
          message:
            /^production-environment `prod` does not say: algorithm_metrics, business_metrics, model_logs, user_system_feedback$/,
          roles: ['operations'],
        },
      ],
    },
    {
      name: 'logs without history or format; metrics without thresholds are the monitoring category’s',
      docs: [
        one('trained-model', {
          algorithm_metrics: [{ metric: 'psi' }],
          log_data: [{ log: 'prediction-log', log_data_format: 'JSON lines' }, { log: 'errors' }],
        }),
      ],
      findings: [
        {
          message:
            /^trained-model `m` does not say: log_data\.history of `prediction-log`, `errors`; log_data\.log_data_format of `errors`$/,
          evidence: ['trained-model/m:/log_data'],
        },
      ],
    },
    {
      name: 'production items without implementation',
      docs: system({
        'production-environment': {
          algorithm_metrics: [{ metric: 'recall-7d' }],
          other_logs: [{ log: 'ingress' }],
          log_retention: undefined,
        },
      }),
      findings: [
        {
          message:
            /^production-environment `prod` does not say: algorithm_metrics\.implementation of `recall-7d`; other_logs\.implementation of `ingress`$/,
          evidence: ['production-environment/prod:'],
          roles: ['operations'],
        },
      ],
    },
  ],
});
