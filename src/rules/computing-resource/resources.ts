// The model's resource needs against what an environment offers (TEC R6 for development, R7 for
// production), dimension by dimension, in real units. A dimension the environment leaves out is
// reported only when the model needs some of it: a zero requirement needs no answer.
import type { KindId } from '../../descriptors/kinds/index.js';
import type { Descriptor } from '../../descriptors/system.js';
import { formatBytes, formatCpu } from '../../descriptors/units.js';
import type { Facts } from '../facts.js';
import { windowText } from '../observed.js';
import { type Report, rule } from '../types.js';

type EnvironmentKind = 'development-environment' | 'production-environment';
type Resources = NonNullable<Descriptor<'trained-model'>['data']['computing_resource_reqs']>;

const DIMENSIONS = [
  { key: 'cpu', what: 'CPU', format: formatCpu },
  { key: 'memory', what: 'memory', format: formatBytes },
  { key: 'storage', what: 'storage', format: formatBytes },
] as const;

function resourceRule(kind: EnvironmentKind, tec: string) {
  const where = kind === 'production-environment' ? 'production' : 'development';
  return rule(
    {
      id: `computing-resource/${where}-resources`,
      category: 'computing-resource',
      severity: 'error',
      phases: kind === 'production-environment' ? ['design', 'runtime'] : ['design'],
      roles: ['data-scientist', kind === 'production-environment' ? 'operations' : 'software-engineer'],
      description:
        where === 'production'
          ? 'The trained model needs no more CPU, memory, storage and GPU than production offers; in operation, the model server uses no more than that (the most a window saw).'
          : 'The trained model needs no more CPU, memory, storage and GPU than the development environment offers.',
      rationale:
        where === 'production'
          ? 'A model that needs more than production offers is slow, is killed for lack of memory, or cannot start at all. Declared needs are estimates; the resource use events report is the fact: a model server using more than the environment offers is being throttled or is about to be killed.'
          : 'Integrators cannot run or test a model that needs more than the development environment has.',
      remedy: `Give the ${where} environment the resources the model needs, or make the model smaller (quantise, prune, distil), then update both descriptors.`,
      tec: [tec],
      examples: ['M06-04', 'M07-01', 'M14-04', 'M15-06', 'M18-05', 'M12-09', 'M07-03'],
      needs: ['trained-model', kind],
    },
    ({ facts, phase, report }) => {
      if (phase === 'runtime') return observedUse(facts, report);
      for (const model of facts.all('trained-model')) {
        const needs: Resources | undefined = model.data.computing_resource_reqs;
        if (!needs) continue;
        const environments: Descriptor<KindId>[] =
          kind === 'production-environment' ? facts.environmentsOf(model) : facts.developmentEnvironmentsOf(model);
        for (const env of environments) {
          const offers = (env.data as { computing_resources?: Resources }).computing_resources;
          const envName = `${kind} \`${env.name}\``;
          for (const { key, what, format } of DIMENSIONS) {
            const need = needs[key];
            if (need === undefined || need === 0) continue;
            const offer = offers?.[key];
            const cite = [
              { descriptor: model, path: ['computing_resource_reqs', key] },
              { descriptor: env, path: offer === undefined ? ['computing_resources'] : ['computing_resources', key] },
            ];
            if (offer === undefined) {
              report({
                message: `the model needs ${format(need)} of ${what}; ${envName} does not say how much it offers`,
                cite,
                key,
                severity: 'warning',
              });
            } else if (need > offer) {
              report({
                message: `the model needs ${format(need)} of ${what}; ${envName} offers ${format(offer)}`,
                cite,
                key,
              });
            }
          }
          const gpu = needs.gpu;
          if (!gpu || gpu.count === 0) continue;
          const has = offers?.gpu;
          const gpuCite = [
            { descriptor: model, path: ['computing_resource_reqs', 'gpu'] },
            { descriptor: env, path: has === undefined ? ['computing_resources'] : ['computing_resources', 'gpu'] },
          ];
          if (has === undefined) {
            report({
              message: `the model needs ${gpu.count} GPU${gpu.count > 1 ? 's' : ''}; ${envName} does not say whether it has any`,
              cite: gpuCite,
              key: 'gpu',
              severity: 'warning',
            });
          } else if (gpu.count > has.count) {
            report({
              message: `the model needs ${gpu.count} GPU${gpu.count > 1 ? 's' : ''}; ${envName} has ${has.count}`,
              cite: gpuCite,
              key: 'gpu',
            });
          } else if (gpu.memory !== undefined && has.memory !== undefined && gpu.memory > has.memory) {
            report({
              message: `the model needs ${formatBytes(gpu.memory)} of memory per GPU; the GPUs of ${envName} have ${formatBytes(has.memory)}`,
              cite: gpuCite,
              key: 'gpu-memory',
            });
          } else if (gpu.model && has.model && gpu.model.toLowerCase() !== has.model.toLowerCase()) {
            report({
              message: `the model was sized for ${gpu.model} GPUs; ${envName} has ${has.model}`,
              cite: gpuCite,
              key: 'gpu-model',
              severity: 'warning',
            });
          }
        }
      }
    },
  );
}

/** At run time: the most CPU, memory and GPUs events reported in a window against what production offers. */
function observedUse(facts: Facts, report: (r: Report) => void): void {
  for (const model of facts.all('trained-model')) {
    const observed = facts.observed(model);
    if (!observed) continue;
    const used = observed.latest.resources;
    for (const env of facts.environmentsOf(model)) {
      const offers = env.data.computing_resources;
      const dimensions = [
        { key: 'cpu', what: 'CPU', format: formatCpu, max: used.cpu.max, offer: offers?.cpu },
        { key: 'memory', what: 'memory', format: formatBytes, max: used.memory.max, offer: offers?.memory },
        { key: 'gpu', what: 'GPUs', format: String, max: used.gpu.max, offer: offers?.gpu?.count },
      ];
      for (const { key, what, format, max, offer } of dimensions) {
        if (max === null || offer === undefined || max <= offer * (1 + 1e-9)) continue;
        report({
          message: `${windowText(model.name, observed)}, the model server used up to ${format(max)} of ${what}; production-environment \`${env.name}\` offers ${format(offer)}`,
          cite: [
            { descriptor: env, path: ['computing_resources', key], value: { observed_max: max } },
            ...(model.data.computing_resource_reqs?.[key as 'cpu'] === undefined
              ? []
              : [{ descriptor: model, path: ['computing_resource_reqs', key] }]),
          ],
          key,
        });
      }
    }
  }
}

export const productionResources = resourceRule('production-environment', 'R7');
export const developmentResources = resourceRule('development-environment', 'R6');
