// How the raw data became training data, and what the pipeline does to production inputs, with where
// the code is. The pipeline's inputs are asked for by model-api.
import { missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const dataPreparationImportance = importance(['TD Data Preparation Pipelines', 'OD Data Pipelines']);

export const dataPreparation = presenceRule(
  {
    topic: 'data-preparation',
    description:
      'Training data lists its preparation steps and where the preparation code is; the data pipeline lists its steps and where its code is.',
    rationale:
      'When preparation is not documented, results cannot be reproduced, production inputs are prepared differently from training data, and nobody knows how much validation and transformation happens in the pipeline versus inside the model.',
    remedy:
      'The data scientist fills in preparation_process and preparation_code of the training data; the data engineer pipeline_steps and pipeline_code of the pipeline.',
    tec: ['MF-TD', 'MF-DP'],
    examples: ['M01-04', 'M17-06', 'M09-06', 'M12-04'],
    importance: dataPreparationImportance,
  },
  {
    'training-data': { gaps: (td) => missingFields(td.data, ['preparation_process', 'preparation_code']) },
    'data-pipeline': { gaps: (dp) => missingFields(dp.data, ['pipeline_steps', 'pipeline_code']) },
  },
);
