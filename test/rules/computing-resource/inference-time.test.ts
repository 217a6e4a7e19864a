import { inferenceTime } from '../../../src/rules/computing-resource/inference-time.js';
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
      name: 'also checked at run time',
      phase: 'runtime',
      docs: [model('2min'), prod('30s')],
      findings: [{ message: /takes 2min; .* requires 30s$/ }],
    },
  ],
});
