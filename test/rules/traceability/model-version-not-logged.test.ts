import { modelVersionNotLogged } from '../../../src/rules/traceability/model-version-not-logged.js';
import { ruleTester } from '../tester.js';

const model = (fields: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', version: '2.3.0', ...fields });
const prod = (fields: Record<string, unknown> = {}) => ({ kind: 'production-environment', name: 'prod', ...fields });

ruleTester(modelVersionNotLogged, {
  valid: [
    {
      name: 'an output carries the model version',
      docs: [model({ final_output_spec: [{ item_name: 'model_version' }] }), prod()],
    },
    {
      name: 'the prediction log records it',
      docs: [model({ log_data: [{ log: 'predictions', log_data_format: 'timestamp, inputs, modelVersion, score' }] })],
    },
    {
      name: 'production logs the artefact hash at start-up',
      docs: [model({}), prod({ other_logs: [{ log: 'start-up', implementation: 'artifact hash and path' }] })],
    },
    {
      name: 'not deployed and no logging plan: nothing to check yet',
      docs: [model({ output_spec: [{ item_name: 'score' }] })],
    },
  ],
  invalid: [
    {
      name: 'deployed, logged, and no trace of the version',
      docs: [
        model({
          output_spec: [{ item_name: 'score', item_description: 'probability' }],
          log_data: [{ log: 'predictions', log_data_format: 'timestamp, inputs, score' }],
        }),
        prod({ model_logs: [{ log: 'predictions', implementation: 'Loki' }] }),
      ],
      findings: [
        {
          message:
            /^nothing records which version of trained-model `m` produced an output: no output carries the model version \(now 2\.3\.0\), and neither its log_data nor the logs of the production environments serving it mention it$/,
          severity: 'warning',
          evidence: ['trained-model/m:/log_data', 'production-environment/prod:/model_logs'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'deployed without any logs (“version” alone is not the model version)',
      docs: [model({ output_spec: [{ item_name: 'api_version' }] }), prod()],
      findings: [
        { message: /nothing records which version/, evidence: ['trained-model/m:', 'production-environment/prod:'] },
      ],
    },
  ],
});
