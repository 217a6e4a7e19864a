// Building blocks for the descriptor schemas: vocabulary terms, quantities with units, references,
// and the pieces several kinds share (data items, metrics, resources). The schemas are the single
// source of truth: TypeScript types, validation and the published JSON Schemas all come from them.
import * as z from 'zod';
import { type ParseResult, parseBytes, parseCpu, parseDuration, parseRate } from './units.js';
import {
  deploymentMechanisms,
  errorHandlingTypes,
  itemTypes,
  metrics,
  operators,
  roles,
  statisticProperties,
  type Vocabulary,
} from './vocabulary.js';

/** A value from a controlled vocabulary; synonyms are accepted and stored as the canonical id. */
export function term<T extends string>(vocab: Vocabulary<T>, description: string) {
  return z
    .string()
    .transform((text, ctx): T => {
      const value = vocab.normalize(text);
      if (value !== undefined) return value;
      ctx.addIssue({
        code: 'custom',
        message: `unknown ${vocab.name}`,
        params: { expected: `one of ${vocab.values.join(', ')} (common synonyms accepted)` },
        input: text,
      });
      return z.NEVER;
    })
    .meta({
      description: `${description} One of: ${vocab.values.join(', ')}; common synonyms are accepted.`,
      examples: [vocab.values[0]],
    });
}

function quantity(parse: (input: number | string) => ParseResult, description: string, example: string) {
  return z
    .union([z.number(), z.string()])
    .transform((input, ctx) => {
      const r = parse(input);
      if (r.ok) return r.value;
      ctx.addIssue({
        code: 'custom',
        message: 'not a valid quantity',
        params: { expected: r.expected },
        input,
      });
      return z.NEVER;
    })
    .meta({ description, examples: [example] });
}

/** Memory or storage, in bytes once parsed. */
export const bytes = (description: string) =>
  quantity(parseBytes, `${description} A size with a unit (16Gi, 512MB, 2 TB); a bare number means GB.`, '4Gi');
/** CPU, in cores once parsed. */
export const cpu = (description: string) =>
  quantity(parseCpu, `${description} Cores: 2, 0.5, 500m (millicores) or 2 vCPU.`, '2');
/** Duration in milliseconds once parsed; a bare number is in `bareUnit`. */
export const duration = (description: string, bareUnit: 'ms' | 'd' = 'ms') =>
  quantity(
    (v) => parseDuration(v, bareUnit),
    `${description} A duration with a unit (250ms, 2s, 1min, 30d); a bare number means ${bareUnit === 'ms' ? 'milliseconds' : 'days'}.`,
    bareUnit === 'ms' ? '250ms' : '30d',
  );
/** Events per second once parsed. */
export const rate = (description: string) =>
  quantity(
    parseRate,
    `${description} A rate such as 50/s, 3000/min or 2 per hour; a bare number means per second.`,
    '50/s',
  );

/** GPUs: a count, or a count with the memory and model each GPU must have. */
export const gpu = (description: string) =>
  z
    .union([
      z.number().int().min(0),
      z.strictObject({
        count: z.number().int().min(0).meta({ description: 'Number of GPUs.' }),
        memory: bytes('Memory of each GPU.').optional(),
        model: z.string().optional().meta({ description: 'GPU model, e.g. NVIDIA T4 or A100.' }),
      }),
    ])
    .transform((v) => (typeof v === 'number' ? { count: v } : v))
    .meta({ description: `${description} A count, or {count, memory, model}.` });

export const text = (description: string) => z.string().meta({ description });
export const optionalText = (description: string) => text(description).optional();
export const texts = (description: string) => z.array(z.string()).meta({ description });

/** A date written YYYY-MM-DD (YAML may already have turned it into a Date). */
export const date = (description: string) =>
  z
    .union([z.string(), z.date()])
    .transform((v, ctx) => {
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
      if (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))) return s;
      ctx.addIssue({
        code: 'custom',
        message: 'not a date',
        params: { expected: 'a calendar date written YYYY-MM-DD' },
        input: v,
      });
      return z.NEVER;
    })
    .meta({ description: `${description} Written YYYY-MM-DD.`, examples: ['2026-01-15'] });

/** A version written as text; YAML numbers such as `1.2` are accepted and kept as text. */
export const versionText = (description: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .meta({ description, examples: ['1.0.0'] });

/**
 * A reference to another descriptor by its `name`, optionally pinned to a version: `flights-train`
 * or `flights-train@2024-06`. Resolved after loading; a reference to nothing is an error.
 */
export const reference = (kind: string, description: string) =>
  z
    .string()
    .min(1)
    .meta({ description: `${description} The \`name\` of a ${kind} descriptor, optionally @version.` });

/** Splits `name@version`. */
export function parseReference(ref: string): { name: string; version?: string } {
  const at = ref.lastIndexOf('@');
  if (at <= 0) return { name: ref };
  return { name: ref.slice(0, at), version: ref.slice(at + 1) };
}

export const documentation = z
  .array(
    z.strictObject({
      description: text('What the document is.'),
      location: text('Where it is: a URL or a path relative to the descriptor.'),
    }),
  )
  .meta({ description: 'Supporting documents: design notes, data sheets, model cards, runbooks.' });

export const owner = term(roles, 'The role that owns this descriptor and answers for its content.');

/** Fields every descriptor starts with. */
export function header<K extends string>(kind: K, what: string) {
  return {
    kind: z.literal(kind).meta({ description: `Always \`${kind}\`.` }),
    name: z
      .string()
      .min(1)
      .regex(/^\S(.*\S)?$/, 'no leading or trailing spaces')
      .meta({
        description: `Name of this ${what}, unique among ${kind} descriptors; other descriptors refer to it by this name.`,
      }),
    version: versionText(`Version of the ${what} itself (not of this file's format).`).optional(),
    owner: owner.optional(),
    contact: optionalText('Who to ask: a person, team or channel.'),
    description: optionalText(`What the ${what} is, in a few sentences.`),
    documentation: documentation.optional(),
  };
}

/** Constraints on the values of one data item: what TEC calls the item specification. */
export const itemSpecification = z
  .strictObject({
    min_value: z.number().optional().meta({ description: 'Smallest valid value (numbers).' }),
    max_value: z.number().optional().meta({ description: 'Largest valid value (numbers).' }),
    allowed_values: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .meta({ description: 'The complete set of valid values (categories, codes).' }),
    min_length: z.number().int().min(0).optional().meta({ description: 'Shortest valid text, in characters.' }),
    max_length: z.number().int().min(0).optional().meta({ description: 'Longest valid text, in characters.' }),
    characters: z
      .strictObject({
        empty: z.boolean().optional().meta({ description: 'The empty string is allowed.' }),
        numeric: z.boolean().optional().meta({ description: 'Digits are allowed.' }),
        slashes: z.boolean().optional().meta({ description: 'Slashes are allowed.' }),
        spaces: z.boolean().optional().meta({ description: 'Spaces are allowed.' }),
        special: z.boolean().optional().meta({ description: 'Other special characters are allowed.' }),
      })
      .optional()
      .meta({ description: 'Which kinds of characters text may contain.' }),
    resolution_x: z.number().int().min(0).optional().meta({ description: 'Image width in pixels.' }),
    resolution_y: z.number().int().min(0).optional().meta({ description: 'Image height in pixels.' }),
    channels: z.number().int().min(0).optional().meta({ description: 'Image channels (1 grey, 3 RGB, 4 RGBA).' }),
    image_format: z.string().optional().meta({ description: 'Image encoding, e.g. JPG or PNG.' }),
    shape: z
      .array(z.number().int().min(0).nullable())
      .optional()
      .meta({ description: 'Tensor shape; null marks a free dimension such as the batch.' }),
    other_value: optionalText('Constraints that fit none of the fields above, in words.'),
  })
  .meta({ description: 'Machine-checkable constraints on the item values.' });

/** A named input or output of a model, pipeline or component. */
export const dataItem = {
  item_name: z.string().min(1).meta({ description: 'Name of the item, unique in its list.' }),
  item_description: optionalText('What the item means.'),
  item_type: term(itemTypes, 'Type of the item.').optional(),
  unit: optionalText('Unit of measure of the values (miles, km, USD, °C, ms), where it has one.'),
  nullable: z.boolean().optional().meta({ description: 'Whether the item may be missing or null.' }),
  expected_values: optionalText('Valid values in words, where the specification cannot say it.'),
  item_specification: itemSpecification.optional(),
};

/** Where an item comes from or goes to: a component of a development-environment descriptor. */
export const componentMapping = z
  .strictObject({
    component: z.string().min(1).meta({ description: 'Name of the upstream or downstream component.' }),
    data_item: z.string().min(1).meta({ description: 'Name of the item in that component.' }),
  })
  .meta({ description: 'The component item this item is connected to.' });

export const errorHandling = z
  .strictObject({
    error_type: term(errorHandlingTypes, 'What happens when the value is invalid.'),
    error_code_value: z.number().int().optional().meta({ description: 'Code returned, for return-error-code.' }),
  })
  .meta({ description: 'Behaviour when a value is invalid.' });

export const processingStep = z.strictObject({
  data_processing_step: text('Name of the step.'),
  data_processing_detail: optionalText('What the step does and why.'),
});

export const schemaField = {
  field_name: z.string().min(1).meta({ description: 'Column or field name, unique in the schema.' }),
  field_description: optionalText('What the field means.'),
  field_type: term(itemTypes, 'Type of the field.').optional(),
  unit: optionalText('Unit of measure of the values, where it has one.'),
  expected_values: optionalText('Valid values in words (ranges, codes, formats).'),
  item_specification: itemSpecification.optional(),
};

/** Statistics whose value is words rather than a number. */
const WORDY_STATISTICS: ReadonlySet<string> = new Set(['distribution-type', 'other']);

export const statistic = z
  .strictObject({
    field: z.string().min(1).meta({ description: 'Field of this descriptor’s schema the statistic describes.' }),
    property: term(statisticProperties, 'Which statistic.'),
    value: z
      .union([z.number(), z.string()])
      .meta({ description: 'The value: a number, except for distribution-type and other, which are words.' }),
  })
  .check((ctx) => {
    const { property, value } = ctx.value;
    if (typeof value === 'string' && !WORDY_STATISTICS.has(property)) {
      ctx.issues.push({
        code: 'custom',
        message: `the ${property} of a field is a number`,
        params: { expected: 'a number (numbers are numbers, not text)' },
        input: value,
        path: ['value'],
      });
    }
  });

export const labelShare = {
  label: z.union([z.string(), z.number(), z.boolean()]).transform(String).meta({ description: 'The label value.' }),
  percentage: z.number().min(0).max(100).meta({ description: 'Share of instances with this label, 0 to 100.' }),
};

export const evaluatedMetric = z.strictObject({
  metric: term(metrics, 'The metric.'),
  other_metric: optionalText('Name of the metric when `metric` is other.'),
  result: z.number().meta({ description: 'The value measured.' }),
});

export const monitoredMetric = z.strictObject({
  metric: z.string().min(1).meta({
    description: 'Name of the metric to compute in production; production environments refer to it by this name.',
  }),
  operator: term(
    operators,
    'How the value compares with the threshold when all is well: >, >=, <, <=, ==, !=.',
  ).optional(),
  threshold: z.number().optional().meta({ description: 'Value beyond which operations is notified.' }),
  goal_mapping: optionalText('Id of the system-context goal this metric verifies.'),
  window: duration('Time window over which the metric is computed.').optional(),
});

export const resources = (what: string) =>
  z
    .strictObject({
      gpu: gpu(`GPUs ${what}.`).optional(),
      cpu: cpu(`CPU ${what}.`).optional(),
      memory: bytes(`Memory (RAM) ${what}.`).optional(),
      storage: bytes(`Disk storage ${what}.`).optional(),
    })
    .meta({ description: `Computing resources ${what}.` });

export function implementedItem<K extends string>(field: K, what: string) {
  const shape = {
    [field]: z.string().min(1).meta({ description: what }),
    implementation: optionalText('How production computes, collects or stores it.'),
  } as { [P in K]: z.ZodString } & { implementation: z.ZodOptional<z.ZodString> };
  return z.strictObject(shape);
}

export const testDataset = z.strictObject({
  name: optionalText('Name of the data set.'),
  version: versionText('Version of the data set.').optional(),
  file: optionalText('Where it is: a URL or a path.'),
  test_results: optionalText('Summary of the results on it.'),
});

export const deploymentMechanism = term(deploymentMechanisms, 'How the model’s outputs reach their users.');
