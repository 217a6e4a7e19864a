import { noDefaultOutput } from '../../../src/rules/api/no-default-output.js';
import { ruleTester } from '../tester.js';

const dev = {
  kind: 'development-environment',
  name: 'dev',
  downstream_components: [{ component_name: 'notify', input_spec: [{ item_name: 'warn' }, { item_name: 'version' }] }],
};
const model = (extra: Record<string, unknown> = {}, mapped = true) => ({
  kind: 'trained-model',
  name: 'm',
  output_spec: [
    { item_name: 'w', ...(mapped ? { component_mapping: { component: 'notify', data_item: 'warn' } } : {}) },
    { item_name: 'v', ...(mapped ? { component_mapping: { component: 'notify', data_item: 'version' } } : {}) },
  ],
  ...extra,
});
const prod = (mechanism: string) => ({ kind: 'production-environment', name: 'prod', deployment_mechanism: mechanism });

ruleTester(noDefaultOutput, {
  valid: [
    {
      name: 'a default output is stated',
      docs: [model({ default_model_output: 'null with HTTP 503; callers show no badge' }), dev, prod('api')],
    },
    {
      name: 'nobody consumes the outputs through software: a batch job with unmapped outputs',
      docs: [model({}, false), dev, prod('batch')],
    },
    { name: 'no consumers described yet', docs: [model({}, false)] },
  ],
  invalid: [
    {
      name: 'served as an API with downstream components and no default',
      docs: [model(), dev, prod('REST API')],
      findings: [
        {
          message:
            /^trained-model `m` does not say what it returns when it cannot produce an output \(default_model_output\); downstream component `notify` and the API callers of production-environment `prod` must handle that case$/,
          severity: 'warning',
          evidence: [
            'trained-model/m:',
            'development-environment/dev:/downstream_components/0',
            'production-environment/prod:/deployment_mechanism',
          ],
          roles: ['data-scientist', 'software-engineer', 'operations'],
        },
      ],
    },
    {
      name: 'an API deployment alone is enough',
      docs: [model({ default_model_output: '   ' }, false), prod('api')],
      findings: [
        {
          message: /the API callers of production-environment `prod` must handle/,
          evidence: ['trained-model/m:', 'production-environment/prod:/deployment_mechanism'],
        },
      ],
    },
    {
      name: 'outputs sent to a system component in production',
      docs: [model({}, false), prod('Output to System Component')],
      findings: [{ message: /the components production-environment `prod` sends outputs to must handle that case$/ }],
    },
  ],
});
