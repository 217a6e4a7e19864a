import { throughput } from '../../../src/rules/computing-resource/throughput.js';
import { latencies, observed } from '../observed.js';
import { ruleTester } from '../tester.js';

/** A five-minute window of `n` events, each taking `ms`: n / 300 events per second. */
const traffic = (n: number, ms: number) => ({ m: observed('m', { events: latencies(n, ms, ms) }) });

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
    {
      name: 'at run time, traffic within 10% of the declared rate, on enough cores',
      docs: [model('35ms'), prod(2), data('2/s')],
      observed: traffic(660, 35),
    },
    {
      name: 'at run time, declared figures that do not add up are design’s finding',
      docs: [model('35ms'), prod('2'), data('7200/min')],
      observed: traffic(300, 35),
    },
  ],
  invalid: [
    {
      // 661 events in 300 s = 2.2033/s, just over 2/s + 10%.
      name: 'at run time, traffic above the declared rate',
      docs: [model('35ms'), prod(2), data('2/s')],
      observed: traffic(661, 35),
      findings: [
        {
          message:
            /^in window 2001-05-01T10:00Z–10:05Z of trained-model `m` \(661 events\), traffic arrived at 2\.203\/s; production-data `traffic` declares 2\/s \(more than 10% above it\)$/,
          severity: 'warning',
          evidence: ['production-data/traffic:/data_rates'],
        },
      ],
    },
    {
      // 3,000 events in 300 s = 10/s, each 300ms: 3 cores busy.
      name: 'at run time, observed rate × mean latency above the cores',
      docs: [model('35ms'), prod(2), data('10/s')],
      observed: traffic(3000, 300),
      findings: [
        {
          message:
            /traffic arrived at 10\/s with a mean latency of 300ms: 3 cores busy on average; production-environment `prod` has 2 cores/,
          evidence: ['production-environment/prod:/computing_resources/cpu'],
        },
      ],
    },
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
