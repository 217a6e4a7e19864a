import { inputUnmapped } from '../../../src/rules/api/input-unmapped.js';
import { ruleTester } from '../tester.js';

const dev = (
  components = [{ component_name: 'booking-api', output_spec: [{ item_name: 'origin' }, { item_name: 'Distance' }] }],
) => ({
  kind: 'development-environment',
  name: 'dev',
  upstream_components: components,
});
const pipeline = (inputs: Record<string, unknown>[]) => ({
  kind: 'data-pipeline',
  name: 'features',
  input_spec: inputs,
});
const from = (item: string) => ({ component: 'booking-api', data_item: item });

ruleTester(inputUnmapped, {
  valid: [
    {
      name: 'every input mapped',
      docs: [pipeline([{ item_name: 'origin', component_mapping: from('origin') }]), dev()],
    },
    {
      name: 'no upstream components: the model is fed otherwise',
      docs: [pipeline([{ item_name: 'origin' }]), dev([])],
    },
    { name: 'no development environment yet', docs: [pipeline([{ item_name: 'origin' }])] },
  ],
  invalid: [
    {
      name: 'an input with no source (TEC R5B finds it)',
      docs: [pipeline([{ item_name: 'origin', component_mapping: from('origin') }, { item_name: 'weather' }]), dev()],
      findings: [
        {
          message: /^data-pipeline `features` input `weather` is mapped to no upstream component output$/,
          severity: 'warning',
          evidence: ['data-pipeline/features:/input_spec/1', 'development-environment/dev:/upstream_components'],
          roles: ['data-engineer', 'software-engineer'],
        },
      ],
    },
    {
      name: 'an upstream output with the same name is suggested',
      docs: [pipeline([{ item_name: 'distance' }]), dev()],
      findings: [
        {
          message:
            /input `distance` is mapped to no upstream component output; upstream component `booking-api` has an output `Distance`$/,
        },
      ],
    },
  ],
});
