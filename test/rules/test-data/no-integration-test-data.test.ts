import { noIntegrationTestData } from '../../../src/rules/test-data/no-integration-test-data.js';
import { ruleTester } from '../tester.js';

const dev = {
  kind: 'development-environment',
  name: 'dev',
  downstream_components: [{ component_name: 'notify', input_spec: [{ item_name: 'warn', item_type: 'boolean' }] }],
};
const mapped = [
  { item_name: 'warn', item_type: 'boolean', component_mapping: { component: 'notify', data_item: 'warn' } },
];
const model = (fields: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', ...fields });

ruleTester(noIntegrationTestData, {
  valid: [
    {
      name: 'integration test data provided',
      docs: [
        model({ output_spec: mapped, integration_test_dataset: { name: 'cases', file: 'tests/cases.jsonl' } }),
        dev,
      ],
    },
    {
      name: 'a standalone model: no outputs feed anything, no post-processing',
      docs: [model({ output_spec: [{ item_name: 'score' }] })],
    },
  ],
  invalid: [
    {
      name: 'outputs feed a downstream component, without post-processing (TEC misses this: it asks only with post-processing)',
      docs: [model({ output_spec: mapped }), dev],
      findings: [
        {
          message:
            /^trained-model `m` has no integration_test_dataset, but its outputs feed downstream component `notify`: integrators cannot verify the deployed model against expected outputs$/,
          severity: 'warning',
          evidence: ['trained-model/m:', 'development-environment/dev:/downstream_components'],
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
    {
      name: 'post-processing with final outputs mapped (TEC MF check), and an empty data set is no data set',
      docs: [model({ post_processing: true, final_output_spec: mapped, integration_test_dataset: {} }), dev],
      findings: [
        {
          message: /feed downstream component `notify` and it post-processes its outputs/,
          evidence: ['trained-model/m:/integration_test_dataset', 'development-environment/dev:/downstream_components'],
        },
      ],
    },
    {
      name: 'unmapped outputs, but the development environment has downstream components',
      docs: [model({ output_spec: [{ item_name: 'score' }] }), dev],
      findings: [{ message: /but development-environment `dev` has downstream components:/ }],
    },
    {
      name: 'only the environment holding the mapped component is cited',
      docs: [
        model({ output_spec: mapped }),
        dev,
        { ...dev, name: 'other', downstream_components: [{ component_name: 'audit' }] },
      ],
      findings: [
        {
          message: /feed downstream component `notify`:/,
          evidence: ['trained-model/m:', 'development-environment/dev:/downstream_components'],
        },
      ],
    },
    {
      name: 'post-processing alone',
      docs: [model({ post_processing: true })],
      findings: [
        { message: /but it post-processes its outputs:/, evidence: ['trained-model/m:'], roles: ['data-scientist'] },
      ],
    },
  ],
});
