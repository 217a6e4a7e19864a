import { inputsNotLogged } from '../../../src/rules/monitoring/inputs-not-logged.js';
import { ruleTester } from '../tester.js';

const model = (fields: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', ...fields });
const prod = (fields: Record<string, unknown>) => ({ kind: 'production-environment', name: 'prod', ...fields });

ruleTester(inputsNotLogged, {
  valid: [
    {
      name: 'the model’s log format lists the inputs',
      docs: [
        model({
          log_data: [{ log: 'prediction-log', log_data_format: 'JSON lines: timestamp, the four inputs, the output' }],
        }),
      ],
    },
    {
      name: 'production logs request bodies',
      docs: [
        model({ log_data: [{ log: 'errors' }] }),
        prod({ other_logs: [{ log: 'access log', implementation: 'NGINX, with request_body' }] }),
      ],
    },
    {
      name: 'the log names the pipeline’s inputs',
      docs: [
        { kind: 'data-pipeline', name: 'p', input_spec: [{ item_name: 'scheduled_departure' }] },
        model({ data_pipeline: 'p', log_data: [{ log: 'scores', log_data_format: 'scheduled_departure, score' }] }),
      ],
    },
    { name: 'no logging plan at all is a missing-information matter', docs: [model({}), prod({})] },
  ],
  invalid: [
    {
      name: 'logs of outputs and errors only',
      docs: [
        model({ log_data: [{ log: 'scores', log_data_format: 'timestamp, score' }] }),
        prod({ model_logs: [{ log: 'scores', implementation: 'Loki' }] }),
      ],
      findings: [
        {
          message:
            /^no log of trained-model `m` records its inputs: neither its log_data nor the logs of the production environments serving it mention inputs, requests or features$/,
          severity: 'warning',
          evidence: ['trained-model/m:/log_data', 'production-environment/prod:/model_logs'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'only production logs, none of inputs',
      docs: [model({}), prod({ other_logs: [{ log: 'kubernetes events' }] })],
      findings: [
        { message: /records its inputs/, evidence: ['trained-model/m:', 'production-environment/prod:/other_logs'] },
      ],
    },
  ],
});
