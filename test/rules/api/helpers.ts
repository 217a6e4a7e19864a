// Connected items for the API tests: an upstream component output mapped to a data-pipeline input of
// the same name, and a trained-model output mapped to a downstream component input.
import type { Doc } from '../tester.js';

type Item = Record<string, unknown>;

/** Upstream component `component` sends `item` to data-pipeline `features` (both in environment `dev`). */
export function upstreamToPipeline(item: string, component = 'booking-api') {
  return {
    upstream: (fields: Item): Doc => ({
      kind: 'development-environment',
      name: 'dev',
      upstream_components: [{ component_name: component, output_spec: [{ item_name: item, ...fields }] }],
    }),
    pipeline: (fields: Item): Doc => ({
      kind: 'data-pipeline',
      name: 'features',
      input_spec: [{ item_name: item, ...fields, component_mapping: { component, data_item: item } }],
    }),
  };
}

/** Trained-model `m` sends its output `output` to input `input` of downstream component `component`. */
export function modelToDownstream(output: string, component: string, input: string) {
  return {
    model: (fields: Item): Doc => ({
      kind: 'trained-model',
      name: 'm',
      output_spec: [{ item_name: output, ...fields, component_mapping: { component, data_item: input } }],
    }),
    downstream: (fields: Item): Doc => ({
      kind: 'development-environment',
      name: 'dev',
      downstream_components: [{ component_name: component, input_spec: [{ item_name: input, ...fields }] }],
    }),
  };
}
