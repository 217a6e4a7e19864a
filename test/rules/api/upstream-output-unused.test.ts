import { upstreamOutputUnused } from '../../../src/rules/api/upstream-output-unused.js';
import { ruleTester } from '../tester.js';

const dev = {
  kind: 'development-environment',
  name: 'dev',
  upstream_components: [
    { component_name: 'booking-api', output_spec: [{ item_name: 'origin' }, { item_name: 'card_number' }] },
  ],
};
const pipeline = (inputs: Record<string, unknown>[]) => ({
  kind: 'data-pipeline',
  name: 'features',
  input_spec: inputs,
});
const from = (item: string) => ({ component: 'booking-api', data_item: item });

ruleTester(upstreamOutputUnused, {
  valid: [
    {
      name: 'every upstream output consumed',
      docs: [
        pipeline([
          { item_name: 'o', component_mapping: from('origin') },
          { item_name: 'c', component_mapping: from('card_number') },
        ]),
        dev,
      ],
    },
    { name: 'no data pipeline at all (TEC R5C flags every upstream output)', docs: [dev] },
    { name: 'a pipeline that has not described its inputs yet', docs: [pipeline([]), dev] },
  ],
  invalid: [
    {
      name: 'an upstream output nobody reads (TEC R5C finds it)',
      docs: [pipeline([{ item_name: 'o', component_mapping: from('origin') }]), dev],
      findings: [
        {
          message:
            /^upstream component `booking-api` sends `card_number`, which no data-pipeline input consumes \(data-pipeline `features`\)$/,
          severity: 'info',
          evidence: [
            'development-environment/dev:/upstream_components/0/output_spec/1',
            'data-pipeline/features:/input_spec',
          ],
          roles: ['software-engineer', 'data-engineer'],
        },
      ],
    },
    {
      name: 'an unmapped pipeline input consumes nothing',
      docs: [pipeline([{ item_name: 'origin' }, { item_name: 'c', component_mapping: from('card_number') }]), dev],
      findings: [{ message: /sends `origin`, which no data-pipeline input consumes/ }],
    },
  ],
});
