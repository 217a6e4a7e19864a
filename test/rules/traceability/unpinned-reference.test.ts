import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSystem } from '../../../src/descriptors/load.js';
import { runRules } from '../../../src/rules/engine.js';
import { unpinnedReference } from '../../../src/rules/traceability/unpinned-reference.js';
import { ruleTester } from '../tester.js';

ruleTester(unpinnedReference, {
  valid: [
    {
      name: 'pinned references',
      docs: [
        { kind: 'training-data', name: 'flights', version: '1.1' },
        { kind: 'trained-model', name: 'm', version: '2.3.0', training_data: 'flights@1.1' },
        { kind: 'production-environment', name: 'prod', trained_model: 'm@2.3.0' },
      ],
    },
    {
      name: 'the target has no version to pin',
      docs: [
        { kind: 'training-data', name: 'flights' },
        { kind: 'trained-model', name: 'm', training_data: 'flights' },
      ],
    },
    {
      name: 'an environment that does not name its model is a missing-information matter',
      docs: [
        { kind: 'trained-model', name: 'm', version: '1' },
        { kind: 'production-environment', name: 'prod' },
      ],
    },
  ],
  invalid: [
    {
      name: 'unpinned training data and pipeline',
      docs: [
        { kind: 'training-data', name: 'flights', version: '1.1' },
        { kind: 'data-pipeline', name: 'features', version: '1.4.0' },
        { kind: 'trained-model', name: 'm', training_data: 'flights', data_pipeline: 'features' },
      ],
      findings: [
        {
          message:
            /^trained-model `m` was trained on training-data `flights` without saying which version \(training_data: flights\); training-data `flights` is version 1\.1: write flights@1\.1$/,
          severity: 'info',
          evidence: ['trained-model/m:/training_data', 'training-data/flights:/version'],
          roles: ['data-scientist'],
        },
        {
          message:
            /takes its inputs from data-pipeline `features` without saying which version .* write features@1\.4\.0$/,
        },
      ],
    },
    {
      name: 'production does not say which model version it serves',
      docs: [
        { kind: 'trained-model', name: 'm', version: '2.3.0' },
        { kind: 'production-environment', name: 'prod', trained_model: 'm' },
      ],
      findings: [
        {
          message: /^production-environment `prod` serves trained-model `m` without saying which version/,
          roles: ['operations', 'data-scientist'],
        },
      ],
    },
  ],
});

test('TEC documents cannot pin a version, so their identifiers are not reported', async () => {
  const system = await loadSystem(['test/fixtures/tec/1.2']);
  const { findings, failures } = runRules(system, [unpinnedReference]);
  assert.deepEqual(failures, []);
  assert.deepEqual(
    findings.map((f) => f.message),
    [],
  );
});
