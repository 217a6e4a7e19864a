import * as z from 'zod';
import { header, labelShare, optionalText, processingStep, reference, schemaField, statistic } from '../fields.js';

export const trainingData = z
  .strictObject({
    ...header('training-data', 'training data set'),
    title: optionalText('Human-readable name of the data set.'),
    raw_data: reference('raw-data', 'The raw data set this one is derived from.').optional(),
    production_data: reference(
      'production-data',
      'The production data this data set stands for, which its fields and labels map to; may be left out when the system has one.',
    ).optional(),
    schema: z
      .array(
        z.strictObject({
          ...schemaField,
          label_field: z
            .boolean()
            .optional()
            .meta({ description: 'The field is (part of) the label; production does not send it.' }),
          missing_values: optionalText('How missing values appear and were treated.'),
          mapping_production_data: optionalText('Name of the matching field in the production-data schema.'),
        }),
      )
      .optional()
      .meta({ description: 'Fields of the training data.' }),
    statistics: z.array(statistic).optional().meta({
      description: 'Statistics written by hand. Prefer `profile`, computed from the data by `dovetail profile`.',
    }),
    distribution: z
      .array(
        z.strictObject({
          ...labelShare,
          mapping_production_data: optionalText('The matching label in the production-data distribution.'),
        }),
      )
      .optional()
      .meta({ description: 'Share of instances per label.' }),
    preparation_process: z
      .array(processingStep)
      .optional()
      .meta({ description: 'How the raw data became training data.' }),
    preparation_code: optionalText('Where the preparation code is: a URL or a path.'),
    profile: optionalText('Path to a Dovetail profile of the data set, relative to this file.'),
  })
  .meta({
    title: 'Training data',
    description:
      'The data the model was trained on: schema, mapping to production fields, statistics. Owned by the data scientist.',
  });
