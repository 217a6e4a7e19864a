import { computingResources } from '../../../src/rules/missing-information/computing-resources.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(computingResources, {
  valid: [
    { name: 'complete', docs: system() },
    {
      name: 'zeros are answers (TEC counts a zero requirement as missing and ignores the GPU: B-M2)',
      docs: [one('trained-model', { computing_resource_reqs: { gpu: 0, cpu: 0.5, memory: '512Mi', storage: 0 } })],
    },
    {
      name: 'an environment without a GPU need not say so',
      docs: [
        one('production-environment', {
          trained_model: undefined,
          computing_resources: { cpu: 2, memory: '8Gi', storage: '20Gi' },
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'a model that says nothing of its resources or speed',
      docs: [one('trained-model', { computing_resource_reqs: undefined, inference_time: undefined })],
      findings: [
        {
          message: /^trained-model `m` does not say: computing_resource_reqs, inference_time$/,
          severity: 'warning',
          evidence: ['trained-model/m:'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'a requirement without the GPU: does the model need one? (TEC misses this: it ignores the GPU)',
      docs: [one('trained-model', { computing_resource_reqs: { cpu: 2, memory: '6Gi', storage: '2Gi' } })],
      findings: [
        {
          message: /^trained-model `m` does not say: computing_resource_reqs\.gpu$/,
          evidence: ['trained-model/m:/computing_resource_reqs'],
        },
      ],
    },
    {
      name: 'production without a latency budget or memory; development without resources is info',
      docs: system({
        'production-environment': {
          required_inference_time: undefined,
          computing_resources: { cpu: 2, storage: '20Gi' },
        },
        'development-environment': { computing_resources: undefined },
      }),
      findings: [
        {
          message: /^production-environment `prod` does not say: computing_resources\.memory, required_inference_time$/,
          severity: 'warning',
          evidence: ['production-environment/prod:'],
          roles: ['operations'],
        },
        {
          message: /^development-environment `dev` does not say: computing_resources$/,
          severity: 'info',
          roles: ['software-engineer'],
        },
      ],
    },
  ],
});
