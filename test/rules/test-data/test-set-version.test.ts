import { testSetVersion } from '../../../src/rules/test-data/test-set-version.js';
import { ruleTester } from '../tester.js';

const training = { kind: 'training-data', name: 'flights', version: '1.1' };
const model = (ref: string, version?: string) => ({
  kind: 'trained-model',
  name: 'm',
  training_data: ref,
  test_dataset: { name: 'april', ...(version ? { version } : {}) },
});

ruleTester(testSetVersion, {
  valid: [
    { name: 'same version as the pinned training data', docs: [training, model('flights@1.1', '1.1')] },
    {
      name: 'same version as the training-data descriptor, written differently',
      docs: [training, model('flights', 'v1.1.0')],
    },
    { name: 'the test set states no version', docs: [training, model('flights@1.1')] },
    {
      name: 'the training data version is unknown',
      docs: [{ kind: 'training-data', name: 'flights' }, model('flights', '1.0')],
    },
  ],
  invalid: [
    {
      name: 'test set of another version than the pinned training data',
      docs: [training, model('flights@1.1', '1.0')],
      findings: [
        {
          message:
            /^the test set `april` of trained-model `m` is version 1\.0; the model was trained on training-data `flights` version 1\.1$/,
          severity: 'warning',
          evidence: ['trained-model/m:/test_dataset/version', 'trained-model/m:/training_data'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'unpinned: compared with the training-data descriptor',
      docs: [training, model('flights', '1.2')],
      findings: [
        {
          message: /is version 1\.2; .* version 1\.1$/,
          evidence: ['trained-model/m:/test_dataset/version', 'training-data/flights:/version'],
        },
      ],
    },
  ],
});
