import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importTec, migrateTec } from '../../src/descriptors/tec/index.js';
import { clone, load } from './helpers.js';

test('1.0 system context: goal ids and success criteria are kept', () => {
  const doc = load('1.0', 'system-context');
  const before = clone(doc);
  const m = migrateTec(doc, 'system-context', '1.0');
  assert.deepEqual(doc, before, 'the input is not changed');
  assert.equal(m.document.version, '1.2');
  assert.equal('business_goals' in m.document, false);
  // TEC drops the first letter ("BG-01" → "G-01"); Dovetail keeps ids, so mappings stay valid.
  assert.deepEqual(
    (m.document.goals as { id: string }[]).map((g) => g.id),
    ['BG-01', 'BG-02'],
  );
  // Nothing is smeared into goal 0's metric, and no "" placeholders are invented.
  assert.deepEqual(Object.keys((m.document.goals as object[])[0] as object), ['id', 'goal']);
  assert.deepEqual(m.document['x-dovetail-success_criteria'], before.success_criteria);
  assert.deepEqual(m.notes, []);
  assert.deepEqual(m.original(['goals', 1, 'goal']), ['business_goals', 1, 'goal']);
  assert.deepEqual(m.original(['x-dovetail-success_criteria', 0]), ['success_criteria', 0]);

  const imported = importTec(doc);
  assert.deepEqual(imported.document.success_criteria, before.success_criteria);
  assert.deepEqual(
    (imported.document.goals as { id: string }[]).map((g) => g.id),
    ['BG-01', 'BG-02'],
  );
});

test('1.0 system context with no goals does not crash (TEC raises IndexError)', () => {
  const doc = { ...load('1.0', 'system-context'), business_goals: [] };
  const m = migrateTec(doc, 'system-context', '1.0');
  assert.deepEqual(m.document.goals, []);
  const imported = importTec(doc);
  assert.equal(imported.document.goals, undefined);
  assert.equal((imported.document.success_criteria as string[]).length, 2);
});

test('1.0 trained model: goal mappings renamed and kept, operators stay absent', () => {
  const doc = load('1.0', 'trained-model');
  const m = migrateTec(doc, 'trained-model', '1.0');
  const business = m.document.business_metrics as Record<string, unknown>[];
  assert.deepEqual(business[0], { metric: 'decline_rate', threshold: 0.03, goal_mapping: 'BG-02' });
  assert.equal(Object.hasOwn(business[0] ?? {}, 'operator'), false);
  const algorithm = m.document.algorithm_metrics as Record<string, unknown>[];
  assert.deepEqual(algorithm[0], { metric: 'score_psi', threshold: 0.2 }, 'no operator "" and no goal_mapping ""');
  assert.deepEqual(m.original(['business_metrics', 1, 'goal_mapping']), [
    'business_metrics',
    1,
    'business_goal_mapping',
  ]);

  const imported = importTec(doc);
  assert.deepEqual((imported.document.business_metrics as object[])[0], {
    metric: 'decline_rate',
    threshold: 0.03,
    goal_mapping: 'BG-02',
  });
  assert.deepEqual(imported.origin(['business_metrics', 0, 'goal_mapping']), [
    'business_metrics',
    0,
    'business_goal_mapping',
  ]);
});

test('1.0 goal mappings still match 1.0 goal ids after import', () => {
  const sc = importTec(load('1.0', 'system-context')).document;
  const tm = importTec(load('1.0', 'trained-model')).document;
  const ids = new Set((sc.goals as { id: string }[]).map((g) => g.id));
  for (const m of tm.business_metrics as { goal_mapping: string }[]) assert.ok(ids.has(m.goal_mapping), m.goal_mapping);
});

test('1.1 data pipeline: free-text item types normalised, expected values kept visible', () => {
  const doc = load('1.1', 'data-pipeline');
  const m = migrateTec(doc, 'data-pipeline', '1.1');
  const inputs = m.document.input_spec as Record<string, unknown>[];
  assert.equal(inputs[0]?.item_type, 'Float');
  assert.equal(inputs[1]?.item_type, 'String');
  // A type TEC 1.2 has no label for is "Other" to TEC, and stays boolean for Dovetail.
  assert.equal(inputs[2]?.item_type, 'Other');
  assert.equal(inputs[2]?.['x-dovetail-item_type'], 'boolean');
  assert.equal(inputs[0]?.item_specification, undefined, 'no zero-filled item specification hiding the text');
  assert.equal(inputs[0]?.error_handling, undefined, 'no error_type "" (invalid in 1.2)');
  assert.deepEqual(m.original(['input_spec', 0, 'x-dovetail-expected_values']), ['input_spec', 0, 'expected_values']);

  const imported = importTec(doc);
  const items = imported.document.input_spec as Record<string, unknown>[];
  assert.deepEqual(
    items.map((i) => [i.item_type, i.expected_values]),
    [
      ['float', '0.01 to 25000, two decimals'],
      ['string', '8 to 15 digits'],
      ['boolean', 'true or false'],
    ],
  );
  assert.deepEqual(imported.warnings, []);
  assert.deepEqual(imported.origin(['input_spec', 2, 'item_type']), ['input_spec', 2, 'item_type']);
  assert.deepEqual(imported.origin(['input_spec', 0, 'expected_values']), ['input_spec', 0, 'expected_values']);
});

test('1.1 trained model: output expected values and the top-level error handling are kept', () => {
  const doc = load('1.1', 'trained-model');
  const imported = importTec(doc).document;
  const outputs = imported.output_spec as Record<string, unknown>[];
  assert.equal(outputs[0]?.expected_values, '0 to 1');
  assert.equal(outputs[0]?.item_type, 'float');
  assert.equal((imported.final_output_spec as Record<string, unknown>[])[0]?.item_type, 'string', '"text" is a string');
  assert.deepEqual(imported.error_handling, doc.error_handling);
});

test('1.0 raw data and production environment gain no invented fields', () => {
  const rd = migrateTec(load('1.0', 'raw-data'), 'raw-data', '1.0').document;
  assert.equal('data_rights' in rd, false);
  const pe = migrateTec(load('1.0', 'production-environment'), 'production-environment', '1.0').document;
  assert.equal('deployment_platform' in pe, false);
  assert.equal(pe.version, '1.2');
});

test('conflicting old and new keys are reported, not silently merged', () => {
  const sc = migrateTec({ business_goals: [{ id: 'BG-01' }], goals: [{ id: 'G-01' }] }, 'system-context', '1.0');
  assert.deepEqual((sc.document.goals as { id: string }[])[0]?.id, 'G-01');
  assert.equal(sc.notes.length, 1);
  const tm = migrateTec(
    { business_metrics: [{ metric: 'm', business_goal_mapping: 'BG-01', goal_mapping: 'G-01' }] },
    'trained-model',
    '1.0',
  );
  assert.equal((tm.document.business_metrics as { goal_mapping: string }[])[0]?.goal_mapping, 'G-01');
  assert.deepEqual(tm.notes[0]?.path, ['business_metrics', 0, 'business_goal_mapping']);
});

test('migration never throws', () => {
  for (const value of [
    null,
    42,
    'x',
    [],
    { business_goals: 'none' },
    { business_metrics: [null, 3, { business_goal_mapping: 1 }] },
  ])
    for (const kind of ['system-context', 'trained-model', 'data-pipeline'] as const)
      for (const from of ['1.0', '1.1', '1.2'] as const) assert.doesNotThrow(() => migrateTec(value, kind, from));
  assert.equal(migrateTec(null, 'system-context', '1.0').notes.length, 1);
});
