// Shared by the test-data rules: whether a test data set is described at all.
import type { Descriptor } from '../../descriptors/system.js';

export type TestDataset = NonNullable<Descriptor<'trained-model'>['data']['test_dataset']>;

/** A data set counts once it says anything about itself: an empty object is no data set. */
export function described(dataset: TestDataset | undefined): dataset is TestDataset {
  if (!dataset) return false;
  return [dataset.name, dataset.version, dataset.file, dataset.test_results].some(
    (v) => v !== undefined && v.trim() !== '',
  );
}
