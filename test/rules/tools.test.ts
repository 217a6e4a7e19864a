import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compareVersions,
  findIn,
  majorMismatch,
  normalizeVersion,
  parseTool,
  sameVersion,
  unmet,
  versionSatisfies,
} from '../../src/rules/tools.js';

describe('tools', () => {
  test('names compare canonically, synonyms resolved', () => {
    assert.equal(parseTool('Scikit-Learn').key, 'scikitlearn');
    assert.equal(parseTool('sklearn').key, 'scikitlearn');
    assert.equal(parseTool('Node.js 20').key, 'javascript');
    assert.deepEqual([parseTool('Python 3.11').name, parseTool('Python 3.11').version], ['Python', '3.11']);
    assert.equal(parseTool('tool@1.2').version, '1.2');
    assert.equal(parseTool('Node v20').version, '20');
  });
  test('a digit stuck to a name is part of the name', () => {
    assert.deepEqual(parseTool('libgomp1'), { key: 'libgomp1', name: 'libgomp1', constraints: [] });
    assert.notEqual(parseTool('libgomp1').key, parseTool('libgomp 1').key);
    // python3 is still Python, by its synonym, and has no version
    assert.equal(parseTool('python3').key, 'python');
    assert.equal(parseTool('python3').version, undefined);
    assert.equal(parseTool('python3 3.11').version, '3.11');
  });
  test('a version operator is kept: a requirement is not an exact version', () => {
    const t = parseTool('scikit-learn>=1.3');
    assert.equal(t.key, 'scikitlearn');
    assert.equal(t.name, 'scikit-learn');
    assert.deepEqual(t.constraints, [{ op: '>=', version: '1.3' }]);
    assert.equal(unmet(t, '1.4.2'), undefined);
    assert.deepEqual(unmet(t, '1.2'), { op: '>=', version: '1.3' });
    assert.deepEqual(parseTool('numpy ~= 1.26').constraints, [{ op: '~=', version: '1.26' }]);
  });
  test('requirements keep their operators', () => {
    const r = parseTool('scikit-learn>=1.3,<2');
    assert.equal(r.key, 'scikitlearn');
    assert.deepEqual(r.constraints, [
      { op: '>=', version: '1.3' },
      { op: '<', version: '2' },
    ]);
    assert.deepEqual(parseTool('lightgbm 4.3.0').constraints, [{ op: '', version: '4.3.0' }]);
    assert.deepEqual(parseTool('Docker').constraints, []);
  });
  test('versions compare numerically, `v1.1` = `1.1.0` = `1.01`', () => {
    assert.ok(compareVersions('1.10', '1.9') > 0);
    assert.equal(compareVersions('1.4', '1.4.0'), 0);
    assert.equal(compareVersions('v1.1', '1.01.0'), 0);
    assert.equal(normalizeVersion(' V1.1.0 '), '1.1');
    assert.ok(sameVersion('v1.1', '1.1.0'));
    assert.ok(sameVersion('1.01', '1.1'));
    assert.ok(sameVersion('2024-06', '2024-06'));
    assert.ok(!sameVersion('1.1', '1.10'));
    assert.ok(!sameVersion('1.1', '1.1.3'));
    assert.ok(!sameVersion('2001-h1.3', '2001-h1.2'));
    assert.ok(sameVersion('0', '0.0'));
  });
  test('a version satisfies the parts a requirement gives', () => {
    assert.ok(versionSatisfies('1.4', '1.4.2'));
    assert.ok(versionSatisfies('v1.4', '1.4.2'));
    assert.ok(!versionSatisfies('1.4', '1.5.0'));
    assert.ok(versionSatisfies(undefined, '1.5.0'));
  });
  test('constraints', () => {
    assert.equal(unmet(parseTool('torch==2.1.*'), '2.1.3'), undefined);
    assert.deepEqual(unmet(parseTool('torch!=2.1.*'), '2.1.3'), { op: '!=', version: '2.1.*' });
    assert.equal(unmet(parseTool('numpy~=1.26'), '1.27.0'), undefined);
    assert.deepEqual(unmet(parseTool('numpy~=1.26.2'), '1.27.0'), { op: '~=', version: '1.26.2' });
    assert.deepEqual(unmet(parseTool('lightgbm^4.1'), '5.0'), { op: '^', version: '4.1' });
    assert.equal(unmet(parseTool('lightgbm 4.3.0'), undefined), undefined);
  });
  test('a failed requirement is a major mismatch when it is a major release away', () => {
    assert.ok(majorMismatch(parseTool('scikit-learn>=1.3,<2'), '2.0.1'));
    assert.ok(!majorMismatch(parseTool('scikit-learn==1.4.2'), '1.3.0'));
    assert.ok(majorMismatch(parseTool('numpy<2.0'), '2.0.1'));
  });
  test('finding tools: exactly first, then as words', () => {
    const lists = { ml_frameworks: ['PyTorch 2.1 with CUDA 12.1', 'torch 2.0'] };
    assert.deepEqual(findIn(lists, parseTool('torch'))?.index, 1);
    assert.equal(findIn(lists, parseTool('cuda'))?.loose, true);
    assert.equal(findIn(lists, parseTool('tensorflow')), undefined);
    assert.equal(findIn({ system_dependencies: ['python3'] }, parseTool('Python 3.11'))?.index, 0);
    assert.equal(findIn({ system_dependencies: ['libgomp 2'] }, parseTool('libgomp1')), undefined);
  });
});
