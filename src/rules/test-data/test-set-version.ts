// The test set should be split from the data version the model was trained on (the version the
// model pins, else the one the training-data descriptor declares); otherwise the results describe
// another data set, or overlap the training data.
import { parseReference } from '../../descriptors/fields.js';
import { sameVersion } from '../tools.js';
import { rule } from '../types.js';

export const testSetVersion = rule(
  {
    id: 'test-data/test-set-version',
    category: 'test-data',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist'],
    description: "The test set's version is the version of the training data the model was trained on.",
    rationale:
      'A test set of another data version than the training data may overlap the training rows or follow another preparation: the test results then do not describe the model that was trained, and model, data and results no longer travel together.',
    remedy:
      'Test the model on the test split of the training data version it was trained on (and give it that version), or retrain on the data version of the test set.',
    tec: [],
    examples: ['M13-05', 'M02-10'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const tested = model.data.test_dataset?.version;
      const ref = model.data.training_data;
      if (tested === undefined || !ref) continue;
      const pinned = parseReference(ref).version;
      const training = facts.resolve('training-data', ref);
      const trainedOn = pinned ?? training?.data.version;
      if (trainedOn === undefined || sameVersion(tested, trainedOn)) continue;
      const name = model.data.test_dataset?.name ? ` \`${model.data.test_dataset.name}\`` : '';
      report({
        message: `the test set${name} of trained-model \`${model.name}\` is version ${tested}; the model was trained on training-data \`${parseReference(ref).name}\` version ${trainedOn}`,
        cite: [
          { descriptor: model, path: ['test_dataset', 'version'] },
          pinned !== undefined || !training
            ? { descriptor: model, path: ['training_data'] }
            : { descriptor: training, path: ['version'] },
        ],
        key: 'test_dataset',
      });
    }
  },
);
