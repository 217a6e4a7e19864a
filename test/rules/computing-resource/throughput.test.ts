import { throughput } from '../../../src/rules/computing-resource/throughput.js';
import { ruleTester } from '../tester.js';

const model = (time: string, extra: Record<string, unknown> = {}) => ({
  kind: 'trained-model',
  name: 'm',
  inference_time: time,
  ...extra,
});
const prod = (cpu?: unknown) => ({
  kind: 'production-environment',
  name: 'prod',
  ...(cpu === undefined ? {} : { computing_resources: { cpu } }),
});
const data = (rate?: string) => ({ kind: 'production-data', name: 'traffic', ...(rate ? { data_rates: rate } : {}) });

ruleTester(throughput, {
  valid: [
    { name: 'the flight-delays load: 25/s × 35ms on 2 cores', docs: [model('35ms'), prod('2 vCPU'), data('25/s')] },
    { name: 'exactly at capacity', docs: [model('100ms'), prod(2), data('20/s')] },
    { name: 'no rate stated', docs: [model('35ms'), prod(2), data()] },
    { name: 'no CPU stated', docs: [model('35ms'), prod(), data('1000/s')] },
    {
      name: 'a GPU model: cores do not limit it',
      docs: [model('35ms', { computing_resource_reqs: { gpu: 1 } }), prod(1), data('1000/s')],
    },
  ],
  invalid: [
    {
      name: 'peaks the CPUs cannot keep up with',
      docs: [model('35ms'), prod('2'), data('7200/min')],
      findings: [
        {
          message:
            /^production-data `traffic` arrives at 120\/s and the model takes 35ms per inference: 4\.2 cores busy on average; production-environment `prod` has 2 cores \(assuming one inference at a time per core, no batching\)$/,
          severity: 'warning',
          evidence: [
            'production-data/traffic:/data_rates',
            'trained-model/m:/inference_time',
            'production-environment/prod:/computing_resources/cpu',
          ],
          roles: ['operations', 'data-scientist'],
        },
      ],
    },
    {
      name: 'millicores',
      docs: [model('1s'), prod('500m'), data('1/s')],
      findings: [{ message: /1 core busy on average; .* has 500m/ }],
    },
  ],
});
