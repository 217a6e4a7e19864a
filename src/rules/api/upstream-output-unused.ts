import { rule } from '../types.js';

export const upstreamOutputUnused = rule(
  {
    id: 'api/upstream-output-unused',
    category: 'api',
    severity: 'info',
    phases: ['design'],
    roles: ['software-engineer', 'data-engineer'],
    description: 'Each output an upstream component sends towards the model is consumed by a data-pipeline input.',
    rationale:
      'An upstream output no pipeline input reads is either a connection someone forgot (the pipeline takes the value under another name, or does without a feature the upstream team thinks it provides) or data sent for nothing, which can matter for privacy and bandwidth.',
    remedy:
      'Map a pipeline input to the output, or agree with the upstream team to stop sending it and remove it from the component.',
    tec: ['R5C'],
    examples: ['M08-05', 'M03-02'],
    needs: ['data-pipeline', 'development-environment'],
  },
  ({ facts, report }) => {
    // No pipeline input is described yet: nothing can consume anything, and saying so for every
    // upstream output (as TEC does when there is no pipeline) is noise; missing information covers it.
    const pipelines = facts.all('data-pipeline').filter((p) => (p.data.input_spec ?? []).length > 0);
    if (pipelines.length === 0) return;
    const used = new Set<string>();
    for (const p of pipelines)
      for (const input of p.data.input_spec ?? [])
        if (input.component_mapping)
          used.add(`${input.component_mapping.component}\u0000${input.component_mapping.data_item}`);
    for (const env of facts.all('development-environment')) {
      for (const [ci, component] of (env.data.upstream_components ?? []).entries()) {
        for (const [oi, output] of (component.output_spec ?? []).entries()) {
          if (used.has(`${component.component_name}\u0000${output.item_name}`)) continue;
          report({
            message: `upstream component \`${component.component_name}\` sends \`${output.item_name}\`, which no data-pipeline input consumes (${pipelines
              .map((p) => `data-pipeline \`${p.name}\``)
              .join(', ')})`,
            cite: [
              { descriptor: env, path: ['upstream_components', ci, 'output_spec', oi] },
              ...pipelines.map((p) => ({ descriptor: p, path: ['input_spec'] })),
            ],
            key: `${component.component_name}.${output.item_name}`,
          });
        }
      }
    }
  },
);
