import { inferenceTime } from '../../../src/rules/computing-resource/inference-time.js';
import { latencies, observed } from '../observed.js';
import { ruleTester } from '../tester.js';

const model = (time: unknown, name = 'm') => ({ kind: 'trained-model', name, inference_time: time });
const prod = (required?: unknown, extra: Record<string, unknown> = {}) => ({
  kind: 'production-environment',
  name: 'production',
  ...(required === undefined ? {} : { required_inference_time: required }),
  ...extra,
});

ruleTester(inferenceTime, {
  valid: [
    { name: 'within budget, in other units', docs: [model('35ms'), prod('0.05s')] },
    { name: 'equal is within budget, through float dust', docs: [model('0.7s'), prod('700ms')] },
    { name: 'sub-millisecond times (TEC has integers only)', docs: [model('0.4ms'), prod('0.5ms')] },
    { name: 'a zero budget is a blank form field, not a requirement', docs: [model('35ms'), prod(0)] },
    { name: 'no budget stated', docs: [model('35ms'), prod()] },
    { name: 'no production environment', docs: [model('3s')] },
    {
      name: 'at run time, a declared time over budget is design’s finding, not the traffic’s',
      docs: [model('2min'), prod('30s')],
      observed: { m: observed('m', { events: latencies(100, 5, 20) }) },
    },
    {
      name: 'at run time, the 95th percentile within budget (the slowest 4% above it)',
      docs: [model('35ms'), prod('50ms')],
      observed: { m: observed('m', { events: [...latencies(96, 10, 40), ...latencies(4, 400, 500)] }) },
    },
    { name: 'at run time, nothing observed yet', docs: [model('35ms'), prod('20ms')], phase: 'runtime' },
    {
      name: 'an environment serving another model',
      docs: [model('35ms'), model('5s', 'slow'), prod('50ms', { trained_model: 'm' })],
    },
  ],
  invalid: [
    {
      name: 'measured latency above the budget (the flight-delays example; TEC R12 finds it)',
      docs: [model('35ms'), prod('20ms')],
      findings: [
        {
          message: /^the model takes 35ms; production-environment `production` requires 20ms$/,
          severity: 'error',
          evidence: ['trained-model/m:/inference_time', 'production-environment/production:/required_inference_time'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'seconds against milliseconds',
      docs: [model('1.5s'), prod(1200)],
      findings: [{ message: /takes 1\.5s; .* requires 1\.2s$/ }],
    },
    {
      name: 'a fraction of a millisecond over (TEC misses this: it has integers only)',
      docs: [model('0.6ms'), prod('0.5ms')],
      findings: [{ message: /takes 0\.6ms; .* requires 0\.5ms$/ }],
    },
    {
      // Percentiles by rank (the lower value at rank ⌈q·n⌉): 60 + 4·(20/9) = 68.89, 10 + 49·(30/89) = 26.52.
      name: 'at run time, the 95th percentile of a window over budget, whatever the model declares',
      docs: [model('35ms'), prod('50ms')],
      observed: { m: observed('m', { events: [...latencies(90, 10, 40), ...latencies(10, 60, 80)] }) },
      findings: [
        {
          message:
            /^in window 2001-05-01T10:00Z–10:05Z of trained-model `m` \(100 events\), the 95th percentile of latency was 68\.89ms \(median 26\.52ms, 99th 77\.78ms\); production-environment `production` requires 50ms; the model declares 35ms$/,
          severity: 'error',
          evidence: ['production-environment/production:/required_inference_time', 'trained-model/m:/inference_time'],
        },
      ],
    },
    {
      name: 'at run time, a model that declares no inference time is measured all the same',
      docs: [model(undefined), prod('50ms')],
      observed: { m: observed('m', { events: latencies(20, 100, 200) }) },
      findings: [
        {
          message: /95th percentile of latency was 194\.7ms \(median 147\.4ms, 99th 200ms\); .* requires 50ms$/,
          evidence: ['production-environment/production:/required_inference_time', 'trained-model/m:'],
        },
      ],
    },
  ],
});
