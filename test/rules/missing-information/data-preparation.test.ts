import { dataPreparation } from '../../../src/rules/missing-information/data-preparation.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(dataPreparation, {
  valid: [{ name: 'steps and code on both sides', docs: system() }],
  invalid: [
    {
      name: 'undocumented preparation and pipeline',
      docs: system({
        'training-data': { preparation_process: undefined, preparation_code: undefined },
        'data-pipeline': { pipeline_steps: [], pipeline_code: ' ' },
      }),
      findings: [
        {
          message: /^training-data `train` does not say: preparation_process, preparation_code$/,
          severity: 'info',
          evidence: ['training-data/train:'],
          roles: ['data-scientist'],
        },
        { message: /^data-pipeline `pipe` does not say: pipeline_steps, pipeline_code$/, roles: ['data-engineer'] },
      ],
    },
    {
      name: 'only the code missing',
      docs: [one('data-pipeline', { pipeline_code: undefined })],
      findings: [{ message: /^data-pipeline `pipe` does not say: pipeline_code$/ }],
    },
  ],
});
