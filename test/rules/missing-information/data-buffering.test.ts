import { dataBuffering } from '../../../src/rules/missing-information/data-buffering.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(dataBuffering, {
  valid: [
    { name: '“none” is an answer', docs: system() },
    {
      name: 'a window',
      docs: [one('trained-model', { data_buffering_reqs: '30-second windows of sensor readings, 50% overlap.' })],
    },
  ],
  invalid: [
    {
      name: 'not said (TEC misses this: it never checks data_buffering_reqs)',
      docs: [one('trained-model', { data_buffering_reqs: undefined })],
      findings: [
        {
          message: /^trained-model `m` does not say: data_buffering_reqs$/,
          severity: 'info',
          evidence: ['trained-model/m:'],
          roles: ['data-scientist'],
        },
      ],
    },
  ],
});
