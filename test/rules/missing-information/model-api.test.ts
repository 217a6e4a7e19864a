import { modelApi } from '../../../src/rules/missing-information/model-api.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const tm = (change: Record<string, unknown>) => one('trained-model', change);

ruleTester(modelApi, {
  valid: [
    { name: 'every item described', docs: system() },
    {
      name: 'a component with no upstream is fine (TEC flags an empty upstream list: B-M3)',
      docs: [one('development-environment', { upstream_components: undefined })],
    },
    {
      name: 'post-processing with its steps and final outputs',
      docs: [
        tm({
          post_processing: true,
          post_processing_process: ['warn = p >= 0.24'],
          final_output_spec: [
            {
              item_name: 'warn',
              item_description: 'Show the badge.',
              item_type: 'bool',
              expected_values: 'true or false',
            },
          ],
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'a model output with no type or meaning, pointed at the output',
      docs: [tm({ output_spec: [{ item_name: 'p', expected_values: '0 to 1' }] })],
      findings: [
        {
          message:
            /^trained-model `m` does not say: output_spec\.item_description of `p`; output_spec\.item_type of `p`$/,
          severity: 'info',
          evidence: ['trained-model/m:/output_spec/0'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'post-processing announced but not described',
      docs: [tm({ post_processing: true })],
      findings: [
        {
          message: /^trained-model `m` does not say: post_processing_process, final_output_spec$/,
          evidence: ['trained-model/m:'],
        },
      ],
    },
    {
      name: 'no outputs, and pipeline inputs without error handling',
      docs: system({
        'trained-model': { output_spec: undefined },
        'data-pipeline': {
          input_spec: [
            { item_name: 'distance', item_description: 'Miles.', item_type: 'integer', expected_values: '10 to 5100' },
            {
              item_name: 'origin',
              item_description: 'IATA code.',
              item_type: 'string',
              expected_values: 'Three letters',
            },
          ],
        },
      }),
      findings: [
        { message: /^trained-model `m` does not say: output_spec$/ },
        {
          message: /^data-pipeline `pipe` does not say: input_spec\.error_handling of `distance`, `origin`$/,
          evidence: ['data-pipeline/pipe:/input_spec'],
          roles: ['data-engineer'],
        },
      ],
    },
    {
      name: 'components without items and items without types, in one finding',
      docs: [
        one('development-environment', {
          upstream_components: [{ component_name: 'booking-api' }],
          downstream_components: [
            {
              component_name: 'notifications',
              input_spec: [{ item_name: 'p', item_description: 'Probability.', expected_values: '0 to 1' }],
            },
          ],
        }),
      ],
      findings: [
        {
          message:
            /^development-environment `dev` does not say: upstream_components\.output_spec of `booking-api`; downstream_components\.input_spec\.item_type of `notifications\.p`$/,
          evidence: ['development-environment/dev:'],
          roles: ['software-engineer'],
        },
      ],
    },
  ],
});
