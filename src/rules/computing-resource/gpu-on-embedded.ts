// A model that needs a GPU, served on an embedded or edge platform. The production-resources rule
// already compares GPU counts, so this rule speaks only where that one cannot:
// - the environment does not say whether the device has a GPU: a warning (most embedded and edge
//   devices have none, or a small one sharing memory with the CPU);
// - it declares too few GPUs: production-resources reports it (an error) when the model declares its
//   GPU count; when the need comes from a GPU-only dependency (CUDA) it reports nothing, so this rule does;
// - it declares enough GPUs (a Jetson-class device): information, because an embedded GPU is not the
//   data-centre GPU the model was measured on (CUDA and framework builds for ARM, shared memory).
import { rule } from '../types.js';
import { gpuNeed } from './gpu.js';

export const gpuOnEmbedded = rule(
  {
    id: 'computing-resource/gpu-on-embedded',
    category: 'computing-resource',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description: 'A model that needs a GPU is not deployed on an embedded or edge platform without a GPU it can use.',
    rationale:
      'Embedded and edge devices seldom have a GPU, and when they do it is small, shares memory with the CPU and needs its own builds of CUDA and the framework; a model sized and timed on a server GPU may not run there at all.',
    remedy:
      'Confirm the device’s GPU (count, memory, CUDA version) in the production environment, or make the model run on the device’s CPU or accelerator (quantise, distil, export to TensorRT, TFLite or ONNX for the device) and measure it there.',
    tec: [],
    examples: ['M17-04', 'M20-02', 'M12-09', 'M07-01'],
    needs: ['trained-model', 'production-environment'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const need = gpuNeed(model);
      if (!need) continue;
      const count = need.declared ?? 1;
      const what = need.declared
        ? `${count} GPU${count > 1 ? 's' : ''}`
        : `a GPU (it depends on ${need.dependency?.text ?? 'a GPU library'})`;
      const modelPath = need.declared ? ['computing_resource_reqs', 'gpu'] : (need.dependency?.path ?? []);
      for (const env of facts.environmentsOf(model)) {
        const platform = env.data.deployment_platform;
        if (platform !== 'embedded' && platform !== 'edge') continue;
        const has = env.data.computing_resources?.gpu;
        const envName = `production-environment \`${env.name}\``;
        const cite = [
          { descriptor: model, path: modelPath },
          { descriptor: env, path: ['deployment_platform'] },
          ...(has ? [{ descriptor: env, path: ['computing_resources', 'gpu'] }] : []),
        ];
        if (has === undefined) {
          report({
            message: `the model needs ${what}; ${envName} runs on an ${platform} platform and does not say it has a GPU`,
            cite,
            key: 'gpu',
          });
        } else if (has.count >= count) {
          report({
            message: `the model needs ${what}; ${envName} runs on an ${platform} platform with ${has.count}${has.model ? ` ${has.model}` : ''} GPU${has.count > 1 ? 's' : ''}: check that the model's GPU stack and memory fit that device`,
            cite,
            key: 'gpu',
            severity: 'info',
          });
        } else if (!need.declared) {
          report({
            message: `the model needs ${what}; ${envName} runs on an ${platform} platform with ${has.count} GPUs`,
            cite,
            key: 'gpu',
            severity: 'error',
          });
        }
      }
    }
  },
);
