import * as z from 'zod';
import { header, labelShare, optionalText, rate, schemaField, statistic, texts } from '../fields.js';

export const productionData = z
  .strictObject({
    ...header('production-data', 'production data'),
    data_sources: texts('Systems and feeds production data comes from.').optional(),
    data_rates: rate('Rate at which production data arrives.').optional(),
    data_rates_details: optionalText('Peaks, bursts, batching and seasonality of arrivals, in words.'),
    schema: z.array(z.strictObject(schemaField)).optional().meta({ description: 'Fields of production data.' }),
    statistics: z.array(statistic).optional().meta({
      description: 'Statistics written by hand. Prefer `profile`, computed from the data by `dovetail profile`.',
    }),
    distribution: z.array(z.strictObject(labelShare)).optional().meta({ description: 'Share of instances per label.' }),
    profile: optionalText('Path to a Dovetail profile of production data, relative to this file.'),
  })
  .meta({
    title: 'Production data',
    description: 'The data the model sees in operation: sources, rates, schema, statistics. Owned by operations.',
  });
