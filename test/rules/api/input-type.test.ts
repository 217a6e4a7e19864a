import { inputType } from '../../../src/rules/api/input-type.js';
import { ruleTester } from '../tester.js';

const dev = (type: string) => ({
  kind: 'development-environment',
  name: 'dev',
  upstream_components: [{ component_name: 'booking-api', output_spec: [{ item_name: 'distance', item_type: type }] }],
});
const pipeline = (type: string, mapped = true) => ({
  kind: 'data-pipeline',
  name: 'features',
  input_spec: [
    {
      item_name: 'dist',
      item_type: type,
      ...(mapped ? { component_mapping: { component: 'booking-api', data_item: 'distance' } } : {}),
    },
  ],
});

ruleTester(inputType, {
  valid: [
    { name: 'same type, spelt differently (TEC R5A flags Float vs float)', docs: [pipeline('Float'), dev('float')] },
    { name: 'text from a String upstream (TEC R5A flags String vs Text)', docs: [pipeline('String'), dev('Text')] },
    { name: 'an integer upstream feeds a float input', docs: [pipeline('float'), dev('int64')] },
    { name: 'a category travels as a string', docs: [pipeline('category'), dev('str')] },
    {
      name: '"Other" names no type to compare (TEC R5A flags Other vs String)',
      docs: [pipeline('Other'), dev('string')],
    },
    { name: 'an unmapped input is input-unmapped’s concern', docs: [pipeline('integer', false), dev('string')] },
    {
      name: 'a type left out on one side is missing information',
      docs: [
        {
          ...pipeline('float'),
          input_spec: [{ item_name: 'dist', component_mapping: { component: 'booking-api', data_item: 'distance' } }],
        },
        dev('string'),
      ],
    },
  ],
  invalid: [
    {
      name: 'a float upstream truncated into an integer input (TEC R5A finds it)',
      docs: [pipeline('integer'), dev('double')],
      findings: [
        {
          message:
            /^data-pipeline `features` takes input `dist` as integer; upstream component `booking-api` sends `distance` as float$/,
          severity: 'error',
          evidence: [
            'data-pipeline/features:/input_spec/0/item_type',
            'development-environment/dev:/upstream_components/0/output_spec/0/item_type',
          ],
          roles: ['data-engineer', 'software-engineer'],
        },
      ],
    },
    {
      name: 'a timestamp read as text',
      docs: [pipeline('string'), dev('timestamp')],
      findings: [{ message: /takes input `dist` as string; .* sends `distance` as datetime/ }],
    },
    {
      name: 'a mapping into a second development environment is followed',
      docs: [
        pipeline('image'),
        { kind: 'development-environment', name: 'other', upstream_components: [{ component_name: 'camera' }] },
        dev('tensor'),
      ],
      findings: [
        {
          message: /as image; .* sends `distance` as tensor/,
          evidence: [
            'data-pipeline/features:/input_spec/0/item_type',
            'development-environment/dev:/upstream_components/0/output_spec/0/item_type',
          ],
        },
      ],
    },
  ],
});
