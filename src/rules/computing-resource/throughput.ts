import type { Descriptor } from '../../descriptors/system.js';
import { formatCpu, formatDuration, formatRate, round } from '../../descriptors/units.js';
import type { Facts } from '../facts.js';
import { windowText } from '../observed.js';
import { type Report, rule } from '../types.js';
import { gpuNeed } from './gpu.js';

/** Observed traffic may exceed the declared rate by this share before it counts: rates are averages. */
export const RATE_TOLERANCE = 0.1;

type Model = Descriptor<'trained-model'>;

const cores = (busy: number) => `${round(busy, 3)} ${busy === 1 ? 'core' : 'cores'}`;

/** Declared rate × declared inference time against production's cores. */
function designCheck(facts: Facts, model: Model, report: (r: Report) => void): void {
  const takes = model.data.inference_time;
  // On a GPU, cores are not what limits throughput.
  if (!takes || gpuNeed(model)?.declared) return;
  for (const env of facts.environmentsOf(model)) {
    const offered = env.data.computing_resources?.cpu;
    if (!offered) continue;
    for (const data of facts.productionDataOfModel(model)) {
      const rate = data.data.data_rates;
      if (!rate) continue;
      const busy = (rate * takes) / 1000;
      if (busy <= offered * (1 + 1e-9)) continue;
      report({
        message: `production-data \`${data.name}\` arrives at ${formatRate(rate)} and the model takes ${formatDuration(takes)} per inference: ${cores(busy)} busy on average; production-environment \`${env.name}\` has ${formatCpu(offered)} (assuming one inference at a time per core, no batching)`,
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

/** Observed rate against the declared rate, and observed rate × mean latency against the cores. */
function runtimeCheck(facts: Facts, model: Model, report: (r: Report) => void): void {
  const observed = facts.observed(model);
  if (!observed?.latest.events) return;
  const where = windowText(model.name, observed);
  const rate = observed.latest.throughput.events_per_second;
  for (const data of facts.productionDataOfModel(model)) {
    const declared = data.data.data_rates;
    if (!declared || rate <= declared * (1 + RATE_TOLERANCE)) continue;
    report({
      message: `${where}, traffic arrived at ${formatRate(rate)}; production-data \`${data.name}\` declares ${formatRate(declared)} (more than ${RATE_TOLERANCE * 100}% above it)`,
      cite: [{ descriptor: data, path: ['data_rates'], value: { observed_per_second: rate } }],
      key: 'data-rate',
    });
  }
  const mean = observed.latest.latency.summary.mean;
  if (mean == null || gpuNeed(model)?.declared) return;
  const busy = (rate * mean) / 1000;
  for (const env of facts.environmentsOf(model)) {
    const offered = env.data.computing_resources?.cpu;
    if (!offered || busy <= offered * (1 + 1e-9)) continue;
    report({
      message: `${where}, traffic arrived at ${formatRate(rate)} with a mean latency of ${formatDuration(mean)}: ${cores(busy)} busy on average; production-environment \`${env.name}\` has ${formatCpu(offered)} (assuming one inference at a time per core, no batching)`,
      cite: [{ descriptor: env, path: ['computing_resources', 'cpu'], value: { busy_cores: busy } }],
      key: 'throughput',
    });
  }
}

export const throughput = rule(
  {
    id: 'computing-resource/throughput',
    category: 'computing-resource',
    severity: 'warning',
    phases: ['design', 'runtime'],
    roles: ['operations', 'data-scientist'],
    description:
      'The production CPUs can keep up with the rate production data arrives at: data rate × inference time stays within the cores production offers; in operation, traffic stays near the declared rate.',
    rationale:
      'Each inference keeps a core busy for the inference time. When requests arrive faster than the cores can serve them, queues grow without bound and every output comes late, however fast a single inference is. The check assumes one inference at a time per core and no batching; a model that runs on a GPU is not checked. In operation the rate and mean latency of each window are used, and traffic more than 10% above the declared rate is reported too: production was sized for the rate the descriptor states.',
    remedy:
      'Give production more cores or replicas (and state the total in computing_resources), batch requests, or make inference faster; if the rate is a peak, say so in data_rates_details and size for it.',
    tec: [],
    examples: ['M11-07', 'M19-02', 'M07-03'],
    needs: ['trained-model', 'production-environment', 'production-data'],
  },
  ({ facts, phase, report }) => {
    for (const model of facts.all('trained-model')) {
      if (phase === 'runtime') runtimeCheck(facts, model, report);
      else designCheck(facts, model, report);
    }
  },
);
