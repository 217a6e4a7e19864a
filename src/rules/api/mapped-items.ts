// The connections the API rules compare: every item that one element produces and another consumes,
// as the descriptors map them. Upstream component outputs feed data-pipeline inputs; the model's
// delivered outputs feed downstream component inputs. A pair is read producer → consumer, so each rule
// asks one question: can the consumer take everything the producer may send?
import type { Descriptor } from '../../descriptors/system.js';
import type { Facts } from '../facts.js';
import { type ComponentItem, componentItemPath, deliveredOutputs, mappedItem } from './model-outputs.js';

export type PipelineInput = NonNullable<Descriptor<'data-pipeline'>['data']['input_spec']>[number];
export type ErrorHandling = PipelineInput['error_handling'];

export interface End {
  descriptor: Descriptor;
  /** Path of the item in its descriptor; append a field name to point at one field. */
  path: (string | number)[];
  item: ComponentItem;
  /** How messages name the element: "upstream component `booking-api`", "data-pipeline `features`". */
  label: string;
}

export interface MappedPair {
  flow: 'upstream-to-pipeline' | 'model-to-downstream';
  producer: End;
  consumer: End;
  /** What the consumer does with an invalid value (pipeline inputs only). */
  errorHandling?: ErrorHandling;
  /** Identifies the connection in fingerprints: producer item → consumer item. */
  key: string;
}

/** Every mapped connection in the system, upstream → pipeline first, then model → downstream. */
export function mappedPairs(facts: Facts): MappedPair[] {
  const pairs: MappedPair[] = [];
  for (const pipeline of facts.all('data-pipeline')) {
    for (const [i, input] of (pipeline.data.input_spec ?? []).entries()) {
      const source = mappedItem(facts.pipelineEnvironmentsOf(pipeline), 'upstream_components', input.component_mapping);
      if (!source) continue;
      pairs.push({
        flow: 'upstream-to-pipeline',
        producer: {
          descriptor: source.environment,
          path: componentItemPath(source),
          item: source.item,
          label: `upstream component \`${source.component}\``,
        },
        consumer: {
          descriptor: pipeline,
          path: ['input_spec', i],
          item: input,
          label: `data-pipeline \`${pipeline.name}\``,
        },
        errorHandling: input.error_handling,
        key: `${source.component}.${source.item.item_name}->${input.item_name}`,
      });
    }
  }
  for (const model of facts.all('trained-model')) {
    const { list, items } = deliveredOutputs(model);
    for (const [i, output] of items.entries()) {
      const target = mappedItem(
        facts.developmentEnvironmentsOf(model),
        'downstream_components',
        output.component_mapping,
      );
      if (!target) continue;
      pairs.push({
        flow: 'model-to-downstream',
        producer: { descriptor: model, path: [list, i], item: output, label: `trained-model \`${model.name}\`` },
        consumer: {
          descriptor: target.environment,
          path: componentItemPath(target),
          item: target.item,
          label: `downstream component \`${target.component}\``,
        },
        key: `${output.item_name}->${target.component}.${target.item.item_name}`,
      });
    }
  }
  return pairs;
}

/** A path to one field of an end's item (`unit`, `item_specification/max_value`...). */
export function at(end: End, ...fields: string[]): (string | number)[] {
  return [...end.path, ...fields];
}
