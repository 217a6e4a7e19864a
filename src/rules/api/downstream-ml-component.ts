import type { Descriptor } from '../../descriptors/system.js';
import { rule } from '../types.js';
import { deliveredOutputs, mappedItem } from './model-outputs.js';

export const downstreamMlComponent = rule(
  {
    id: 'api/downstream-ml-component',
    category: 'api',
    severity: 'info',
    phases: ['design'],
    roles: ['data-scientist', 'software-engineer'],
    description:
      'Points out downstream components that are themselves ML models (ml_component: true) and consume this model’s outputs.',
    rationale:
      'A downstream model learnt from this model’s outputs as they were: retraining or recalibrating this model shifts its inputs (a new score distribution, new confidence levels) and so its behaviour, without any interface change that a type check would notice.',
    remedy:
      'Version the two models together: announce each new version of this model to the downstream team, re-validate (or retrain) the downstream model on its outputs, and monitor the output distribution it receives.',
    tec: [],
    examples: ['M11-01', 'M11-04'],
    needs: ['trained-model', 'development-environment'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const { list, items } = deliveredOutputs(model);
      // One finding per downstream model, listing every output it takes.
      const consumers = new Map<
        string,
        { env: Descriptor<'development-environment'>; index: number; outputs: string[]; first: number }
      >();
      for (const [i, output] of items.entries()) {
        const target = mappedItem(
          facts.developmentEnvironmentsOf(model),
          'downstream_components',
          output.component_mapping,
        );
        if (!target) continue;
        const component = target.environment.data.downstream_components?.[target.componentIndex];
        if (component?.ml_component !== true) continue;
        const id = `${target.environment.name}\u0000${target.component}`;
        const entry = consumers.get(id) ?? {
          env: target.environment,
          index: target.componentIndex,
          outputs: [],
          first: i,
        };
        entry.outputs.push(`\`${output.item_name}\``);
        consumers.set(id, entry);
      }
      for (const { env, index, outputs, first } of consumers.values()) {
        const name = env.data.downstream_components?.[index]?.component_name ?? '';
        report({
          message: `downstream component \`${name}\` is itself an ML model and consumes ${outputs.join(', ')} of trained-model \`${model.name}\`: each new version of the model shifts what it learnt from; re-validate it with every model release`,
          cite: [
            { descriptor: model, path: [list, first, 'component_mapping'] },
            { descriptor: env, path: ['downstream_components', index, 'ml_component'] },
          ],
          key: name,
        });
      }
    }
  },
);
