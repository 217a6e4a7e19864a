import { outputType } from '../../../src/rules/api/output-type.js';
import { ruleTester } from '../tester.js';

const dev = (type: string) => ({
  kind: 'development-environment',
  name: 'dev',
  downstream_components: [{ component_name: 'notify', input_spec: [{ item_name: 'warn', item_type: type }] }],
});
const model = (type: string, extra: Record<string, unknown> = {}) => ({
  kind: 'trained-model',
  name: 'm',
  output_spec: [{ item_name: 'p', item_type: type, component_mapping: { component: 'notify', data_item: 'warn' } }],
  ...extra,
});

ruleTester(outputType, {
  valid: [
    { name: 'same type, spelt differently (TEC R3A flags Float vs float)', docs: [model('Float'), dev('float')] },
    { name: 'an integer fits a float input', docs: [model('int64'), dev('double')] },
    { name: '"Other" names no type to compare (TEC R3A flags Other vs String)', docs: [model('Other'), dev('string')] },
    { name: 'a string output into a Text input (TEC R3A flags String vs Text)', docs: [model('String'), dev('Text')] },
    {
      name: 'an unmapped output is another rule',
      docs: [
        { kind: 'trained-model', name: 'm', output_spec: [{ item_name: 'p', item_type: 'float' }] },
        dev('boolean'),
      ],
    },
    {
      name: 'raw outputs do not count when the model post-processes',
      docs: [
        model('float', {
          post_processing: true,
          final_output_spec: [
            { item_name: 'w', item_type: 'boolean', component_mapping: { component: 'notify', data_item: 'warn' } },
          ],
        }),
        dev('boolean'),
      ],
    },
  ],
  invalid: [
    {
      name: 'a probability into a yes/no input',
      docs: [model('float'), dev('boolean')],
      findings: [
        {
          message: /^the model outputs `p` as float; downstream component `notify` expects `warn` as boolean$/,
          evidence: [
            'trained-model/m:/output_spec/0/item_type',
            'development-environment/dev:/downstream_components/0/input_spec/0/item_type',
          ],
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
    {
      name: 'final outputs are checked when the model post-processes (TEC R4A)',
      docs: [
        model('boolean', {
          post_processing: true,
          final_output_spec: [
            { item_name: 'w', item_type: 'string', component_mapping: { component: 'notify', data_item: 'warn' } },
          ],
        }),
        dev('boolean'),
      ],
      findings: [
        {
          message: /outputs `w` as string/,
          evidence: [
            'trained-model/m:/final_output_spec/0/item_type',
            'development-environment/dev:/downstream_components/0/input_spec/0/item_type',
          ],
        },
      ],
    },
  ],
});
