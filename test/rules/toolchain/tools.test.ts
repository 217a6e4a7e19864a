import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareVersions, findIn, parseRequirement, unmet } from '../../../src/rules/toolchain/tools.js';

describe('toolchain/tools', () => {
  test('requirements keep their operators', () => {
    const r = parseRequirement('scikit-learn>=1.3,<2');
    assert.equal(r.tool.key, 'scikitlearn');
    assert.deepEqual(r.constraints, [
      { op: '>=', version: '1.3' },
      { op: '<', version: '2' },
    ]);
    assert.deepEqual(parseRequirement('lightgbm 4.3.0').constraints, [{ op: '', version: '4.3.0' }]);
    assert.deepEqual(parseRequirement('Docker').constraints, []);
  });
  test('versions compare numerically', () => {
    assert.ok(compareVersions('1.10', '1.9') > 0);
    assert.equal(compareVersions('1.4', '1.4.0'), 0);
  });
  test('constraints', () => {
    assert.equal(unmet(parseRequirement('torch==2.1.*'), '2.1.3'), undefined);
    assert.equal(unmet(parseRequirement('numpy~=1.26'), '1.27.0'), undefined);
    assert.deepEqual(unmet(parseRequirement('numpy~=1.26.2'), '1.27.0'), { op: '~=', version: '1.26.2' });
    assert.deepEqual(unmet(parseRequirement('lightgbm^4.1'), '5.0'), { op: '^', version: '4.1' });
    assert.equal(unmet(parseRequirement('lightgbm 4.3.0'), undefined), undefined);
  });
  test('finding tools: exactly first, then as words', () => {
    const lists = { ml_frameworks: ['PyTorch 2.1 with CUDA 12.1', 'torch 2.0'] };
    assert.deepEqual(findIn(lists, parseRequirement('torch').tool)?.index, 1);
    assert.equal(findIn(lists, parseRequirement('cuda').tool)?.loose, true);
    assert.equal(findIn(lists, parseRequirement('tensorflow').tool), undefined);
  });
});
