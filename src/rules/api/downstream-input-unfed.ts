import { rule } from '../types.js';
import { deliveredOutputs } from './model-outputs.js';

export const downstreamInputUnfed = rule(
  {
    id: 'api/downstream-input-unfed',
    category: 'api',
    severity: 'error',
    phases: ['design'],
    roles: ['software-engineer', 'data-scientist'],
    description: 'Each input a downstream component expects from the model is fed by an output the model delivers.',
    rationale:
      'A downstream component that waits for a value the model does not deliver fails on every call, or runs on a default nobody chose. A nullable input is a warning: the component copes, but never gets the value.',
    remedy:
      'Add the output to the model (or its post-processing) and map it to the input, or remove the input from the downstream component, and update both descriptors.',
    tec: ['R3C', 'R4C'],
    examples: ['M02-11', 'M08-05', 'M18-03', 'M11-04'],
    needs: ['trained-model', 'development-environment'],
  },
  ({ facts, report }) => {
    const delivered = facts.all('trained-model').map((model) => ({ model, ...deliveredOutputs(model) }));
    // No model has described what it delivers yet: that is missing information, not a mismatch
    // (TEC flags every downstream input when there is no trained model).
    if (!delivered.some((d) => d.items.length > 0)) return;
    const fed = new Set<string>();
    for (const d of delivered)
      for (const o of d.items)
        if (o.component_mapping) fed.add(`${o.component_mapping.component}\u0000${o.component_mapping.data_item}`);

    for (const env of facts.all('development-environment')) {
      for (const [ci, component] of (env.data.downstream_components ?? []).entries()) {
        for (const [ii, input] of (component.input_spec ?? []).entries()) {
          if (fed.has(`${component.component_name}\u0000${input.item_name}`)) continue;
          // A raw output mapped here does not reach the component when the model post-processes.
          const raw = delivered.flatMap((d) =>
            d.list === 'final_output_spec'
              ? (d.model.data.output_spec ?? [])
                  .filter(
                    (o) =>
                      o.component_mapping?.component === component.component_name &&
                      o.component_mapping.data_item === input.item_name,
                  )
                  .map(
                    (o) =>
                      ` (the raw output \`${o.item_name}\` of trained-model \`${d.model.name}\` is mapped to it, but the model post-processes: map a final output)`,
                  )
              : [],
          );
          report({
            message: `downstream component \`${component.component_name}\` expects \`${input.item_name}\` from the model; no output the model delivers is mapped to it${raw[0] ?? ''}`,
            cite: [
              { descriptor: env, path: ['downstream_components', ci, 'input_spec', ii] },
              ...delivered.filter((d) => d.items.length > 0).map((d) => ({ descriptor: d.model, path: [d.list] })),
            ],
            key: `${component.component_name}.${input.item_name}`,
            severity: input.nullable === true ? 'warning' : 'error',
          });
        }
      }
    }
  },
);
