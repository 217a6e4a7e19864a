import assert from 'node:assert/strict';
import { test } from 'node:test';
import { valueAt } from '../../src/descriptors/json.js';

test('valueAt: the value at a path of keys and positions, undefined off the document', () => {
  const doc = { schema: [{ field_name: 'distance', unit: null }], version: '1.1' };
  assert.equal(valueAt(doc, ['schema', 0, 'field_name']), 'distance');
  assert.equal(valueAt(doc, []), doc);
  assert.equal(valueAt(doc, ['schema', 0, 'unit']), null);
  assert.equal(valueAt(doc, ['schema', 0, 'unit', 'x']), undefined);
  assert.equal(valueAt(doc, ['version', 'major']), undefined);
  assert.equal(valueAt(doc, ['schema', 3]), undefined);
  assert.equal(valueAt(undefined, ['a']), undefined);
});
