// Shared by the API rules on the model's outputs: the list that reaches downstream components, and
// the component item each output is mapped to.
import type { Descriptor } from '../../descriptors/system.js';

export type OutputItem = NonNullable<Descriptor<'trained-model'>['data']['output_spec']>[number];
export type ComponentItem = NonNullable<
  NonNullable<Descriptor<'development-environment'>['data']['downstream_components']>[number]['input_spec']
>[number];

/** The outputs downstream components receive: the final outputs when the model post-processes, else the raw ones. */
export function deliveredOutputs(model: Descriptor<'trained-model'>): {
  list: 'output_spec' | 'final_output_spec';
  items: OutputItem[];
} {
  const final = model.data.final_output_spec ?? [];
  if (model.data.post_processing || final.length > 0) return { list: 'final_output_spec', items: final };
  return { list: 'output_spec', items: model.data.output_spec ?? [] };
}

export interface ComponentRef {
  environment: Descriptor<'development-environment'>;
  side: 'upstream_components' | 'downstream_components';
  componentIndex: number;
  component: string;
  itemIndex: number;
  item: ComponentItem;
}

/** The component item a mapping points at, in one of the given development environments. */
export function mappedItem(
  environments: readonly Descriptor<'development-environment'>[],
  side: 'upstream_components' | 'downstream_components',
  mapping: { component: string; data_item: string } | undefined,
): ComponentRef | undefined {
  if (!mapping) return undefined;
  for (const environment of environments) {
    const components = environment.data[side] ?? [];
    for (const [componentIndex, c] of components.entries()) {
      if (c.component_name !== mapping.component) continue;
      const items = ('output_spec' in c ? c.output_spec : 'input_spec' in c ? c.input_spec : undefined) ?? [];
      const itemIndex = items.findIndex((i) => i.item_name === mapping.data_item);
      const item = items[itemIndex];
      if (item) return { environment, side, componentIndex, component: c.component_name, itemIndex, item };
    }
  }
  return undefined;
}

/** Path of a component item inside its development-environment descriptor. */
export function componentItemPath(ref: ComponentRef, field?: string): (string | number)[] {
  const items = ref.side === 'upstream_components' ? 'output_spec' : 'input_spec';
  return [ref.side, ref.componentIndex, items, ref.itemIndex, ...(field ? [field] : [])];
}
