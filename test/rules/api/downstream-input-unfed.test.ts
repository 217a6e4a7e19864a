import { downstreamInputUnfed } from '../../../src/rules/api/downstream-input-unfed.js';
import { ruleTester } from '../tester.js';

const dev = (inputs: Record<string, unknown>[] = [{ item_name: 'warn' }, { item_name: 'version' }]) => ({
  kind: 'development-environment',
  name: 'dev',
  downstream_components: [{ component_name: 'notify', input_spec: inputs }],
});
const to = (item: string) => ({ component: 'notify', data_item: item });
const model = (outputs: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  kind: 'trained-model',
  name: 'm',
  output_spec: outputs,
  ...extra,
});

ruleTester(downstreamInputUnfed, {
  valid: [
    {
      name: 'every input fed',
      docs: [
        model([
          { item_name: 'w', component_mapping: to('warn') },
          { item_name: 'v', component_mapping: to('version') },
        ]),
        dev(),
      ],
    },
    { name: 'no trained model yet (TEC flags every downstream input)', docs: [dev()] },
    { name: 'a model that has not described its outputs yet', docs: [model([]), dev()] },
    {
      name: 'two models feed one component between them',
      docs: [
        model([{ item_name: 'w', component_mapping: to('warn') }]),
        {
          kind: 'trained-model',
          name: 'versioner',
          output_spec: [{ item_name: 'v', component_mapping: to('version') }],
        },
        dev(),
      ],
    },
  ],
  invalid: [
    {
      name: 'an input nothing feeds (TEC R3C finds it)',
      docs: [model([{ item_name: 'w', component_mapping: to('warn') }]), dev()],
      findings: [
        {
          message:
            /^downstream component `notify` expects `version` from the model; no output the model delivers is mapped to it$/,
          severity: 'error',
          evidence: [
            'development-environment/dev:/downstream_components/0/input_spec/1',
            'trained-model/m:/output_spec',
          ],
          roles: ['software-engineer', 'data-scientist'],
        },
      ],
    },
    {
      name: 'a nullable input is a warning',
      docs: [
        model([{ item_name: 'w', component_mapping: to('warn') }]),
        dev([{ item_name: 'warn' }, { item_name: 'version', nullable: true }]),
      ],
      findings: [{ message: /expects `version`/, severity: 'warning' }],
    },
    {
      name: 'fed only by a raw output while the model post-processes (TEC R4C finds it)',
      docs: [
        model([{ item_name: 'score', component_mapping: to('warn') }], {
          post_processing: true,
          final_output_spec: [{ item_name: 'v', component_mapping: to('version') }],
        }),
        dev(),
      ],
      findings: [
        {
          message:
            /expects `warn` .* \(the raw output `score` of trained-model `m` is mapped to it, but the model post-processes: map a final output\)$/,
          evidence: [
            'development-environment/dev:/downstream_components/0/input_spec/0',
            'trained-model/m:/final_output_spec',
          ],
        },
      ],
    },
  ],
});
