import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listSome, listText } from '../../src/rules/wording.js';

test('lists are cut short and quoted; an empty list is none', () => {
  assert.equal(listSome(['a', 1, true]), '`a`, `1`, `true`');
  assert.equal(listSome(['a', 'b', 'c', 'd', 'e', 'f', 'g']), '`a`, `b`, `c`, `d`, `e` and 2 more');
  assert.equal(listText(['scikit-learn 1.4.2', 'onnxruntime 1.17.3']), 'scikit-learn 1.4.2, onnxruntime 1.17.3');
  assert.equal(listText(undefined), 'none');
});
