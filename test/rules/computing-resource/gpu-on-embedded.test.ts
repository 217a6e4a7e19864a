import { gpuOnEmbedded } from '../../../src/rules/computing-resource/gpu-on-embedded.js';
import { ruleTester } from '../tester.js';

const model = (extra: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', ...extra });
const prod = (platform: string, resources?: Record<string, unknown>) => ({
  kind: 'production-environment',
  name: 'device',
  deployment_platform: platform,
  ...(resources ? { computing_resources: resources } : {}),
});

ruleTester(gpuOnEmbedded, {
  valid: [
    { name: 'a GPU model in the cloud', docs: [model({ computing_resource_reqs: { gpu: 1 } }), prod('cloud')] },
    {
      name: 'a CPU model on a device',
      docs: [model({ computing_resource_reqs: { gpu: 0, cpu: 1 } }), prod('embedded')],
    },
    {
      name: 'a declared GPU count the device lacks is production-resources’ error, not repeated here',
      docs: [model({ computing_resource_reqs: { gpu: 1 } }), prod('edge', { gpu: 0 })],
    },
  ],
  invalid: [
    {
      name: 'a device that does not say it has a GPU',
      docs: [model({ computing_resource_reqs: { gpu: { count: 1, memory: '16Gi' } } }), prod('mobile')],
      findings: [
        {
          message:
            /^the model needs 1 GPU; production-environment `device` runs on an embedded platform and does not say it has a GPU$/,
          severity: 'warning',
          evidence: [
            'trained-model/m:/computing_resource_reqs/gpu',
            'production-environment/device:/deployment_platform',
          ],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'a device with a GPU: worth checking the stack',
      docs: [
        model({ computing_resource_reqs: { gpu: 1 } }),
        prod('edge device', { gpu: { count: 1, model: 'Jetson Orin' } }),
      ],
      findings: [
        {
          message:
            /runs on an edge platform with 1 Jetson Orin GPU: check that the model's GPU stack and memory fit that device$/,
          severity: 'info',
          evidence: [
            'trained-model/m:/computing_resource_reqs/gpu',
            'production-environment/device:/deployment_platform',
            'production-environment/device:/computing_resources/gpu',
          ],
        },
      ],
    },
    {
      name: 'a CUDA dependency on a device with no GPU (production-resources cannot see it)',
      docs: [model({ system_dependencies: ['Python 3.11', 'CUDA 12.1'] }), prod('embedded', { gpu: 0 })],
      findings: [
        {
          message: /^the model needs a GPU \(it depends on CUDA 12\.1\); .* runs on an embedded platform with 0 GPUs$/,
          severity: 'error',
          evidence: [
            'trained-model/m:/system_dependencies/1',
            'production-environment/device:/deployment_platform',
            'production-environment/device:/computing_resources/gpu',
          ],
        },
      ],
    },
  ],
});
