import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectTec, kindFromTecFileName, tecFileName } from '../../src/descriptors/tec/index.js';
import { fixtures, load } from './helpers.js';

test('every fixture is detected as its kind and version', () => {
  const all = fixtures();
  assert.equal(all.length, 24);
  for (const f of all) assert.deepEqual(detectTec(f.doc), { kind: f.kind, version: f.version }, f.file);
});

test('the version field may be a number', () => {
  const dp = load('1.1', 'data-pipeline');
  assert.equal(detectTec({ ...dp, version: 1.1 })?.version, '1.1');
  assert.equal(detectTec({ ...dp, version: 1 })?.version, '1.0');
  assert.equal(detectTec({ ...load('1.2', 'raw-data'), version: 1.2 })?.version, '1.2');
  assert.equal(detectTec({ ...load('1.0', 'raw-data'), version: '1' })?.version, '1.0');
});

test('without a version field, the version is inferred from the fields', () => {
  const withoutVersion = (doc: Record<string, unknown>) => {
    const { version: _, ...rest } = doc;
    return rest;
  };
  assert.equal(detectTec(withoutVersion(load('1.0', 'system-context')))?.version, '1.0', 'business_goals');
  assert.equal(detectTec(withoutVersion(load('1.0', 'trained-model')))?.version, '1.0', 'business_goal_mapping');
  assert.equal(detectTec(withoutVersion(load('1.1', 'trained-model')))?.version, '1.1', 'expected_values on outputs');
  assert.equal(detectTec(withoutVersion(load('1.1', 'data-pipeline')))?.version, '1.1', 'expected_values on inputs');
  assert.equal(detectTec(withoutVersion(load('1.2', 'data-pipeline')))?.version, '1.2');
  assert.equal(detectTec(withoutVersion(load('1.2', 'production-data')))?.version, '1.2', 'default');
  assert.equal(detectTec({ version: '7.3', task: 'x' })?.version, '1.2', 'unknown versions read as 1.2');
});

test('kinds are told apart by their characteristic fields', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ task: 'x', goals: [] }, 'system-context'],
    [{ business_goals: [] }, 'system-context'],
    [{ instance_type: 'row', number_of_instances: 3 }, 'raw-data'],
    [{ dataset_identifier: 'a', data_sources: [{ data_source: 'Other' }] }, 'raw-data'],
    [{ pipeline_version: '1', input_spec: [] }, 'data-pipeline'],
    [{ dataset_identifier: 'a', raw_data_identifier: 'b' }, 'training-data'],
    [{ preparation_process: [] }, 'training-data'],
    [{ model_name: 'm', model_components: [] }, 'trained-model'],
    [{ upstream_components: [], downstream_components: [] }, 'development-environment'],
    [{ required_inference_time: { time: 1, unit: 'Seconds' } }, 'production-environment'],
    [{ data_rates: '5/s', data_sources: 'kafka' }, 'production-data'],
  ];
  for (const [doc, kind] of cases) assert.equal(detectTec({ version: '1.2', ...doc })?.kind, kind, JSON.stringify(doc));
});

test('what is not a TEC document is not detected, and nothing throws', () => {
  const cyclic: Record<string, unknown> = { task: 'x' };
  cyclic.self = cyclic;
  for (const value of [null, undefined, 42, 'task', [], [{ task: 'x' }], {}, { version: '1.2' }, new Date(), () => 1])
    assert.equal(detectTec(value), undefined, String(value));
  assert.equal(detectTec({ kind: 'system-context', task: 'x', goals: [] }), undefined, 'a Dovetail descriptor');
  assert.equal(detectTec({ schema: [] }), undefined, 'ambiguous: raw, training and production data all have a schema');
  assert.equal(detectTec(cyclic)?.kind, 'system-context');
});

test('TEC export file names', () => {
  assert.equal(tecFileName('card fraud', 'trained-model'), 'card fraud - Trained Model.json');
  assert.equal(tecFileName('p', 'development-environment'), 'p - Development Environment.json');
  assert.equal(kindFromTecFileName('exports/card fraud - Production Data.json'), 'production-data');
  assert.equal(kindFromTecFileName('card fraud - Raw Data'), 'raw-data');
  assert.equal(kindFromTecFileName('notes.json'), undefined);
});
