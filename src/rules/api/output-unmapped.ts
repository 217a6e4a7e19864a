import type { Cite } from '../types.js';
import { rule } from '../types.js';
import { deliveredOutputs } from './model-outputs.js';

export const outputUnmapped = rule(
  {
    id: 'api/output-unmapped',
    category: 'api',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'software-engineer'],
    description:
      'Each output the model delivers is mapped to a downstream component input, when the development environment has downstream components.',
    rationale:
      'An output nobody is known to consume is either a forgotten connection (a downstream component will not get what it needs, or gets it under another name) or dead weight in the API that someone will later misread.',
    remedy:
      'Map the output to the downstream component input that uses it (component_mapping), or remove it from the delivered outputs; if a downstream component needs it, add the input to that component.',
    tec: ['R3B', 'R4B'],
    examples: ['M02-11', 'M08-05', 'M18-03'],
    needs: ['trained-model', 'development-environment'],
  },
  ({ facts, report }) => {
    // Only environments with downstream components make a mapping expected: a model whose outputs
    // go straight to users (or whose integrators have not described the consumers yet) needs none.
    const consumers = facts
      .all('development-environment')
      .filter((env) => (env.data.downstream_components ?? []).length > 0);
    if (consumers.length === 0) return;
    const names = consumers.flatMap((env) =>
      (env.data.downstream_components ?? []).map((c) => `\`${c.component_name}\``),
    );
    for (const model of facts.all('trained-model')) {
      // The raw outputs of a model that post-processes are internal: only the delivered list is checked.
      const { list, items } = deliveredOutputs(model);
      for (const [i, output] of items.entries()) {
        if (output.component_mapping) continue;
        const cite: Cite[] = [
          { descriptor: model, path: [list, i] },
          ...consumers.map((env) => ({ descriptor: env, path: ['downstream_components'] })),
        ];
        report({
          message: `trained-model \`${model.name}\` delivers \`${output.item_name}\` (${list}) but maps it to no downstream component; the downstream components are ${names.join(', ')}`,
          cite,
          key: output.item_name,
        });
      }
    }
  },
);
