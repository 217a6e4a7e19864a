import * as z from 'zod';
import { componentMapping, dataItem, errorHandling, header, optionalText, processingStep, texts } from '../fields.js';

export const pipelineInput = z.strictObject({
  ...dataItem,
  error_handling: errorHandling.optional(),
  component_mapping: componentMapping.optional(),
});

export const dataPipeline = z
  .strictObject({
    ...header('data-pipeline', 'data pipeline'),
    input_spec: z.array(pipelineInput).optional().meta({
      description: 'The inputs the pipeline accepts, each mapped to the upstream component that feeds it.',
    }),
    test_cases: z
      .array(
        z.strictObject({
          test_case_name: z.string().meta({ description: 'Name of the test.' }),
          tested_property: optionalText('What the test checks.'),
          file: optionalText('Where the test is.'),
        }),
      )
      .optional()
      .meta({ description: 'Tests of the pipeline.' }),
    pipeline_steps: z.array(processingStep).optional().meta({ description: 'What the pipeline does, step by step.' }),
    pipeline_code: optionalText('Where the pipeline code is: a URL or a path.'),
    programming_languages: texts('Languages the pipeline is written in.').optional(),
  })
  .meta({
    title: 'Data pipeline',
    description: 'The code that turns production inputs into model inputs. Owned by the data engineer.',
  });
