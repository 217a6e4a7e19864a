import type { Cite } from '../types.js';
import { rule } from '../types.js';

export const inputUnmapped = rule(
  {
    id: 'api/input-unmapped',
    category: 'api',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-engineer', 'software-engineer'],
    description:
      'Each data-pipeline input is mapped to the upstream component output that feeds it, when the development environment has upstream components.',
    rationale:
      'An input with no known source is fed by guesswork: the upstream team does not know it must send it, or sends it under another name, type or unit, and nobody can check the connection.',
    remedy:
      'Map the input to the upstream component output that provides it (component_mapping); if no component provides it, agree with the integrators which one will and add it to that component.',
    tec: ['R5B'],
    examples: ['M07-02', 'M13-02', 'M03-02', 'M08-05'],
    needs: ['data-pipeline', 'development-environment'],
  },
  ({ facts, report }) => {
    const sources = facts
      .all('development-environment')
      .filter((env) => (env.data.upstream_components ?? []).length > 0);
    if (sources.length === 0) return;
    const outputs = sources.flatMap((env) =>
      (env.data.upstream_components ?? []).flatMap((c) =>
        (c.output_spec ?? []).map((o) => ({ component: c.component_name, item: o.item_name })),
      ),
    );
    for (const pipeline of facts.all('data-pipeline')) {
      for (const [i, input] of (pipeline.data.input_spec ?? []).entries()) {
        if (input.component_mapping) continue;
        // The likely source, when an upstream output has the same name: the fix is one line.
        const same = outputs.find((o) => o.item.toLowerCase() === input.item_name.toLowerCase());
        const hint = same ? `; upstream component \`${same.component}\` has an output \`${same.item}\`` : '';
        const cite: Cite[] = [
          { descriptor: pipeline, path: ['input_spec', i] },
          ...sources.map((env) => ({ descriptor: env, path: ['upstream_components'] })),
        ];
        report({
          message: `data-pipeline \`${pipeline.name}\` input \`${input.item_name}\` is mapped to no upstream component output${hint}`,
          cite,
          key: input.item_name,
        });
      }
    }
  },
);
