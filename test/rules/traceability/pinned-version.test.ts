import { pinnedVersion } from '../../../src/rules/traceability/pinned-version.js';
import { ruleTester } from '../tester.js';

const training = (version?: string, extra: Record<string, unknown> = {}) => ({
  kind: 'training-data',
  name: 'flights',
  ...(version ? { version } : {}),
  ...extra,
});
const model = (fields: Record<string, unknown>) => ({ kind: 'trained-model', name: 'm', ...fields });

ruleTester(pinnedVersion, {
  valid: [
    { name: 'pinned to the version described', docs: [training('1.1'), model({ training_data: 'flights@1.1' })] },
    {
      name: 'the same version written differently',
      docs: [training('1.1.0'), model({ training_data: 'flights@v1.1' })],
    },
    { name: 'an unpinned reference is another rule', docs: [training('1.1'), model({ training_data: 'flights' })] },
    {
      name: 'production serves the version described',
      docs: [model({ version: '2.3.0' }), { kind: 'production-environment', name: 'prod', trained_model: 'm@2.3.0' }],
    },
  ],
  invalid: [
    {
      name: 'trained on another version of the training data',
      docs: [training('1.1'), model({ training_data: 'flights@1.0' })],
      findings: [
        {
          message:
            /^trained-model `m` was trained on training-data `flights` version 1\.0 \(training_data: flights@1\.0\); training-data `flights` describes version 1\.1$/,
          severity: 'error',
          evidence: ['trained-model/m:/training_data', 'training-data/flights:/version'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'pipeline, raw data and production pins, each with its severity',
      docs: [
        { kind: 'raw-data', name: 'bts', version: '2001-h1.3' },
        { kind: 'data-pipeline', name: 'features', version: '1.4.0' },
        training('1.1', { raw_data: 'bts@2001-h1.2' }),
        model({ version: '2.3.0', training_data: 'flights@1.1', data_pipeline: 'features@1.3' }),
        { kind: 'production-environment', name: 'prod', trained_model: 'm@2.2.0' },
      ],
      findings: [
        {
          message:
            /^trained-model `m` takes its inputs from data-pipeline `features` version 1\.3 .* describes version 1\.4\.0$/,
          severity: 'error',
          evidence: ['trained-model/m:/data_pipeline', 'data-pipeline/features:/version'],
          roles: ['data-scientist', 'data-engineer'],
        },
        {
          message:
            /^training-data `flights` is derived from raw-data `bts` version 2001-h1\.2 .* describes version 2001-h1\.3$/,
          severity: 'warning',
          evidence: ['training-data/flights:/raw_data', 'raw-data/bts:/version'],
        },
        {
          message:
            /^production-environment `prod` serves trained-model `m` version 2\.2\.0 \(trained_model: m@2\.2\.0\); trained-model `m` describes version 2\.3\.0$/,
          severity: 'error',
          roles: ['operations', 'data-scientist'],
        },
      ],
    },
    {
      name: 'a pin to a descriptor that states no version cannot be checked',
      docs: [training(), model({ training_data: 'flights@1.1' })],
      findings: [
        {
          message: /does not say which version it describes/,
          severity: 'info',
          evidence: ['trained-model/m:/training_data', 'training-data/flights:'],
        },
      ],
    },
  ],
});
