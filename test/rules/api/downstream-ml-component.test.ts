import { downstreamMlComponent } from '../../../src/rules/api/downstream-ml-component.js';
import { ruleTester } from '../tester.js';

const dev = (ml?: boolean) => ({
  kind: 'development-environment',
  name: 'dev',
  downstream_components: [
    {
      component_name: 'ranker',
      ...(ml === undefined ? {} : { ml_component: ml }),
      input_spec: [{ item_name: 'risk' }, { item_name: 'confidence' }],
    },
  ],
});
const model = {
  kind: 'trained-model',
  name: 'm',
  output_spec: [
    { item_name: 'p', component_mapping: { component: 'ranker', data_item: 'risk' } },
    { item_name: 'c', component_mapping: { component: 'ranker', data_item: 'confidence' } },
  ],
};

ruleTester(downstreamMlComponent, {
  valid: [
    { name: 'a conventional downstream component', docs: [model, dev(false)] },
    { name: 'not said whether it is ML', docs: [model, dev()] },
    {
      name: 'an ML component nothing of this model feeds',
      docs: [{ ...model, output_spec: [{ item_name: 'p' }] }, dev(true)],
    },
  ],
  invalid: [
    {
      name: 'a downstream model consumes two outputs: one finding',
      docs: [model, dev(true)],
      findings: [
        {
          message:
            /^downstream component `ranker` is itself an ML model and consumes `p`, `c` of trained-model `m`: each new version of the model shifts/,
          severity: 'info',
          evidence: [
            'trained-model/m:/output_spec/0/component_mapping',
            'development-environment/dev:/downstream_components/0/ml_component',
          ],
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
  ],
});
