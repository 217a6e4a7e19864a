import { formatCpu, formatDuration, formatRate, round } from '../../descriptors/units.js';
import { rule } from '../types.js';
import { gpuNeed } from './gpu.js';

export const throughput = rule(
  {
    id: 'computing-resource/throughput',
    category: 'computing-resource',
    severity: 'warning',
    phases: ['design', 'runtime'],
    roles: ['operations', 'data-scientist'],
    description:
      'The production CPUs can keep up with the rate production data arrives at: data rate × inference time stays within the cores production offers.',
    rationale:
      'Each inference keeps a core busy for the inference time. When requests arrive faster than the cores can serve them, queues grow without bound and every output comes late, however fast a single inference is. The check assumes one inference at a time per core and no batching; a model that runs on a GPU is not checked.',
    remedy:
      'Give production more cores or replicas (and state the total in computing_resources), batch requests, or make inference faster; if the rate is a peak, say so in data_rates_details and size for it.',
    tec: [],
    examples: ['M11-07', 'M19-02', 'M07-03'],
    needs: ['trained-model', 'production-environment', 'production-data'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const takes = model.data.inference_time;
      // On a GPU, cores are not what limits throughput.
      if (!takes || gpuNeed(model)?.declared) continue;
      for (const env of facts.environmentsOf(model)) {
        const cores = env.data.computing_resources?.cpu;
        if (!cores) continue;
        for (const data of facts.productionDataOfModel(model)) {
          const rate = data.data.data_rates;
          if (!rate) continue;
          const busy = (rate * takes) / 1000;
          if (busy <= cores * (1 + 1e-9)) continue;
          report({
            message: `production-data \`${data.name}\` arrives at ${formatRate(rate)} and the model takes ${formatDuration(takes)} per inference: ${round(busy, 3)} ${busy === 1 ? 'core' : 'cores'} busy on average; production-environment \`${env.name}\` has ${formatCpu(cores)} (assuming one inference at a time per core, no batching)`,
            cite: [
              { descriptor: data, path: ['data_rates'] },
              { descriptor: model, path: ['inference_time'] },
              { descriptor: env, path: ['computing_resources', 'cpu'] },
            ],
            key: 'throughput',
          });
        }
      }
    }
  },
);
