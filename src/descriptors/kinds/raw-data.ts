import * as z from 'zod';
import { date, header, labelShare, optionalText, schemaField, term } from '../fields.js';
import { dataSourceTypes } from '../vocabulary.js';

export const rawData = z
  .strictObject({
    ...header('raw-data', 'raw data set'),
    title: optionalText('Human-readable name of the data set.'),
    data_sources: z
      .array(
        z.strictObject({
          data_source: term(dataSourceTypes, 'Kind of source.'),
          other_source: optionalText('The source in words: system, vendor, sensor, or what "other" means.'),
        }),
      )
      .optional()
      .meta({ description: 'Where the data comes from.' }),
    instance_type: optionalText('What one instance is: a record, an image, a document.'),
    number_of_instances: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'How many instances the data set holds.' }),
    labels_distribution: z
      .array(z.strictObject(labelShare))
      .optional()
      .meta({ description: 'Share of instances per label.' }),
    schema: z
      .array(
        z.strictObject({
          ...schemaField,
          interpret_missing: optionalText('What a missing value means.'),
          interpret_special: optionalText('What special values mean (999, N/A, -1).'),
        }),
      )
      .optional()
      .meta({ description: 'The data dictionary: one entry per field.' }),
    metadata: z
      .strictObject({
        collection_date: date('When the data was collected.').optional(),
        geographic_location: optionalText('Where the data was collected.'),
        timeframe: optionalText('Period the data covers.'),
        known_issues: optionalText('Noise, gaps, duplicates, biases known in the data.'),
      })
      .optional()
      .meta({ description: 'Provenance of the data.' }),
    restrictions: optionalText('Sensitivity and handling limits, e.g. no public cloud, no export.'),
    data_rights: optionalText('Uses the data may and may not be put to.'),
    data_policies: optionalText('Policies that govern the data: retention, access, consent.'),
    anonymization: optionalText('How personal data was removed or masked.'),
    proxy_data: optionalText('Whether the data stands in for operational data, and how the two map.'),
    profile: optionalText('Path to a Dovetail profile of the data set, relative to this file.'),
  })
  .meta({
    title: 'Raw data',
    description:
      'The data set the training data is derived from: sources, dictionary, provenance, rights. Owned by the data engineer.',
  });
