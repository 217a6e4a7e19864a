import { versions } from '../../../src/rules/missing-information/versions.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(versions, {
  valid: [
    { name: 'versions and lineage complete', docs: system() },
    {
      name: 'no reference asked for where the system has nothing to name: a model without training data or pipeline',
      docs: [one('trained-model', { training_data: undefined, data_pipeline: undefined })],
    },
    { name: 'training data without raw data', docs: [one('training-data', { raw_data: undefined })] },
  ],
  invalid: [
    {
      name: 'nothing versioned, one finding per descriptor',
      docs: system({
        'raw-data': { version: undefined },
        'data-pipeline': { version: undefined },
        'training-data': { version: undefined, raw_data: undefined },
        'trained-model': {
          version: undefined,
          training_date: undefined,
          training_data: undefined,
          data_pipeline: undefined,
        },
        'production-environment': { version: undefined },
      }),
      findings: [
        {
          message: /^raw-data `raw` does not say: version$/,
          severity: 'info',
          evidence: ['raw-data/raw:'],
          roles: ['data-engineer'],
        },
        { message: /^data-pipeline `pipe` does not say: version$/ },
        { message: /^training-data `train` does not say: version, raw_data$/ },
        {
          message: /^trained-model `m` does not say: version, training_date, training_data, data_pipeline$/,
          roles: ['data-scientist'],
        },
      ],
    },
  ],
});
