// Descriptor templates for `dovetail init`, generated from the schemas: every field, with its
// description as a comment, and sample values that validate. Names that other descriptors refer to
// are chosen together (SAMPLES) so the new system's references resolve.

import { Document, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import * as z from 'zod';
import { type KindId, kinds, schemas } from './kinds/index.js';

type Meta = { description?: string; examples?: unknown[] };

/** Values that must agree across descriptors, by kind and JSON pointer (array entries as /0). */
const SAMPLES: Partial<Record<KindId, Record<string, unknown>>> = {
  'system-context': {
    '/goals/0/id': 'G-01',
    '/goals/0/metric': 'recall',
    '/goals/0/operator': '>=',
    '/goals/0/baseline': 0.8,
  },
  'raw-data': { '/schema/0/field_name': 'amount', '/labels_distribution/0/label': 'positive' },
  'data-pipeline': {
    '/input_spec/0/item_name': 'amount',
    '/input_spec/0/component_mapping/component': 'upstream-service',
    '/input_spec/0/component_mapping/data_item': 'amount',
  },
  'training-data': {
    '/raw_data': 'raw-data',
    '/production_data': 'production-data',
    '/schema/0/field_name': 'amount',
    '/schema/0/mapping_production_data': 'amount',
    '/statistics/0/field': 'amount',
    '/distribution/0/label': 'positive',
    '/distribution/0/mapping_production_data': 'positive',
  },
  'trained-model': {
    '/training_data': 'training-data',
    '/data_pipeline': 'pipeline',
    '/development_environment': 'development',
    '/output_spec/0/item_name': 'score',
    '/output_spec/0/component_mapping/component': 'downstream-service',
    '/output_spec/0/component_mapping/data_item': 'score',
    '/final_output_spec/0/item_name': 'score',
    '/final_output_spec/0/component_mapping/component': 'downstream-service',
    '/final_output_spec/0/component_mapping/data_item': 'score',
    '/algorithm_metrics/0/metric': 'recall',
    '/algorithm_metrics/0/goal_mapping': 'G-01',
    '/algorithm_metrics/0/operator': '>=',
    '/business_metrics/0/metric': 'complaints-per-week',
    '/business_metrics/0/goal_mapping': 'G-01',
    '/business_metrics/0/operator': '<',
    '/user_system_feedback/0/short_name': 'thumbs-down',
    '/log_data/0/log': 'inputs-and-outputs',
  },
  'development-environment': {
    '/upstream_components/0/component_name': 'upstream-service',
    '/upstream_components/0/output_spec/0/item_name': 'amount',
    '/downstream_components/0/component_name': 'downstream-service',
    '/downstream_components/0/input_spec/0/item_name': 'score',
  },
  'production-environment': {
    '/trained_model': 'model',
    '/algorithm_metrics/0/metric': 'recall',
    '/business_metrics/0/metric': 'complaints-per-week',
    '/other_metrics/0/metric': 'requests-per-second',
    '/user_system_feedback/0/feedback': 'thumbs-down',
    '/model_logs/0/log': 'inputs-and-outputs',
    '/other_logs/0/log': 'http-access-log',
  },
  'production-data': {
    '/schema/0/field_name': 'amount',
    '/statistics/0/field': 'amount',
    '/distribution/0/label': 'positive',
  },
};

function defOf(s: z.ZodType): Record<string, unknown> {
  return (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
}

function metaOf(s: z.ZodType): Meta {
  let t: z.ZodType | undefined = s;
  const merged: Meta = {};
  while (t) {
    const m = z.globalRegistry.get(t) as Meta | undefined;
    merged.description ??= m?.description;
    merged.examples ??= m?.examples;
    const def = defOf(t);
    t = (def.innerType ?? def.in) as z.ZodType | undefined;
  }
  return merged;
}

function sample(s: z.ZodType, ptr: string, samples: Record<string, unknown>): unknown {
  if (ptr in samples) return samples[ptr];
  const def = defOf(s);
  const examples = (z.globalRegistry.get(s) as Meta | undefined)?.examples;
  if (examples?.length) return examples[0];
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return sample(def.innerType as z.ZodType, ptr, samples);
    case 'pipe':
      return sample(def.in as z.ZodType, ptr, samples);
    case 'literal':
      return (def.values as unknown[])[0];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((s as z.ZodObject).shape))
        out[k] = sample(v as z.ZodType, `${ptr}/${k}`, samples);
      return out;
    }
    case 'array':
      return [sample(def.element as z.ZodType, `${ptr}/0`, samples)];
    case 'union':
      return sample((def.options as z.ZodType[])[0] as z.ZodType, ptr, samples);
    case 'record':
      return {};
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}

/** The object or array schema under optional, nullable, default, pipe and union wrappers. */
function structure(s: z.ZodType): z.ZodType {
  let t = s;
  for (;;) {
    const def = defOf(t);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') t = def.innerType as z.ZodType;
    else if (def.type === 'pipe') t = def.in as z.ZodType;
    else if (def.type === 'union') {
      const object = (def.options as z.ZodType[]).find((o) => defOf(o).type === 'object');
      if (!object) return t;
      t = object;
    } else return t;
  }
}

/** Attaches each field's description as a comment above it. */
function annotate(node: Node | null, s: z.ZodType): void {
  const t = structure(s);
  if (isMap(node) && t instanceof z.ZodObject) {
    for (const pair of node.items as Pair<Node, Node>[]) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const field = (t.shape as Record<string, z.ZodType>)[String(pair.key.value)];
      if (!field) continue;
      const description = metaOf(field).description;
      if (description) pair.key.commentBefore = ` ${description}`;
      annotate(pair.value, field);
    }
  } else if (isSeq(node) && t instanceof z.ZodArray) {
    for (const item of node.items) annotate(item as Node, t.element as z.ZodType);
  }
}

export function template(kind: KindId, schemaPath: string): string {
  const schema = schemas[kind];
  const value = sample(schema, '', {
    '/name': kinds[kind].defaultName,
    '/owner': kinds[kind].owner,
    ...SAMPLES[kind],
  });
  const doc = new Document(value);
  annotate(doc.contents as Node, schema);
  const info = kinds[kind];
  const about = metaOf(schema).description ?? '';
  doc.commentBefore = [
    ` yaml-language-server: $schema=${schemaPath}`,
    ` ${info.title} descriptor. ${about}`,
    ' Fill in every field you know; leave out what has no meaning here. `dovetail validate` checks it.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
