import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kinds } from '../../src/descriptors/kinds/index.js';
import { importTec } from '../../src/descriptors/tec/index.js';
import { clone, fixtures, load, validate, validData } from './helpers.js';

type Row = Record<string, unknown>;
const rows = (value: unknown) => value as Row[];

test('every fixture imports as its kind and validates as a Dovetail descriptor', () => {
  for (const f of fixtures()) {
    const imported = importTec(f.doc);
    assert.equal(imported.kind, f.kind, f.file);
    assert.equal(imported.version, f.version, f.file);
    assert.equal(imported.document.kind, f.kind);
    const r = validate(f.kind, imported.document);
    assert.ok(r.success, `${f.file}: ${r.success ? '' : JSON.stringify(r.error.issues, null, 1)}`);
  }
});

test('header: names, versions, descriptions and titles', () => {
  const rd = importTec(load('1.2', 'raw-data')).document;
  assert.equal(rd.name, 'card-transactions-raw');
  assert.equal(rd.version, '2024.03');
  assert.equal(rd.title, 'Card authorisations 2022-2023');
  assert.match(rd.description as string, /^Every card-not-present/);
  const dp = importTec(load('1.2', 'data-pipeline')).document;
  assert.deepEqual([dp.name, dp.version], ['txn-features', '3.1.0']);
  const tm = importTec(load('1.2', 'trained-model')).document;
  assert.deepEqual([tm.name, tm.version, tm.training_date], ['fraud-scorer', '4.2.0', '2024-03-28']);
  assert.equal(rows(tm.documentation)[0]?.description, 'Model card');
  const td = importTec(load('1.2', 'training-data')).document;
  assert.deepEqual(
    [td.name, td.title, td.raw_data],
    ['card-transactions-train', 'Fraud training set 2024-03', 'card-transactions-raw'],
  );
  assert.equal(tm.data_pipeline, 'txn-features');
  assert.equal(tm.training_data, 'card-transactions-train');
});

test('kinds without a name in TEC get the fallback name, or the kind default', () => {
  assert.equal(importTec(load('1.2', 'system-context')).document.name, kinds['system-context'].defaultName);
  assert.equal(importTec(load('1.2', 'production-environment'), { fallbackName: 'prod-eu' }).document.name, 'prod-eu');
  const dp = { ...load('1.2', 'data-pipeline'), pipeline_identifier: '' };
  assert.equal(importTec(dp, { fallbackName: 'fallback' }).document.name, 'fallback');
  assert.equal(importTec({ ...dp, pipeline_identifier: ' txn ' }).document.name, 'txn', 'spaces trimmed');
  const td = { ...load('1.2', 'training-data'), raw_data_identifier: '' };
  assert.equal('raw_data' in importTec(td).document, false, 'a blank reference is absent');
});

test('the kind can be given, e.g. from the TEC export file name', () => {
  const imported = importTec({ version: '1.2', schema: [] }, { kind: 'production-data' });
  assert.equal(imported.kind, 'production-data');
  assert.deepEqual(imported.warnings, []);
});

test('units: resources, inference time, log history', () => {
  const tm = importTec(load('1.2', 'trained-model'));
  // gpu: "" is a cleared field in TEC's form: absent, not an error (TEC crashes on it).
  assert.deepEqual(tm.document.computing_resource_reqs, { cpu: 4, memory: 16, storage: 20 });
  const data = validData('trained-model', tm.document);
  assert.deepEqual(data.computing_resource_reqs, { cpu: 4, memory: 16e9, storage: 20e9 }, 'bare numbers are GB');
  assert.equal(tm.document.inference_time, '40ms');
  assert.deepEqual(
    rows(tm.document.log_data).map((l) => l.history ?? l['x-history']),
    ['400 days', '90', 'until the next release'],
  );
  assert.equal(data.log_data && (data.log_data as Row[])[1]?.history, 90 * 86_400_000, 'a bare number of days');
  assert.ok(tm.warnings.some((w) => w.path.join('/') === 'log_data/2/history' && /x-history/.test(w.message)));

  const pe = importTec(load('1.2', 'production-environment'));
  assert.equal(pe.document.required_inference_time, '100ms');
  assert.deepEqual(pe.document.computing_resources, { gpu: 0, cpu: 8, memory: 32, storage: 100 });
  assert.deepEqual(
    pe.warnings.map((w) => w.path.join('/')),
    ['required_inference_time/time', 'computing_resources/cpu', 'computing_resources/storage'],
    'numbers stored as text are read, with a warning each',
  );
  assert.equal(importTec(load('1.1', 'production-environment')).document.required_inference_time, '2s');
});

test('inference time: every TEC unit, a blank unit (ms, with a warning), time 0 (not filled in)', () => {
  const at = (time: unknown, unit: unknown) => importTec({ version: '1.2', required_inference_time: { time, unit } });
  assert.equal(at(250, 'Milliseconds').document.required_inference_time, '250ms');
  assert.equal(at(2, 'Seconds').document.required_inference_time, '2s');
  assert.equal(at(1, 'Minutes').document.required_inference_time, '1min');
  assert.equal(at(3, 'Hours').document.required_inference_time, '3h');
  const blank = at(5000, '');
  assert.equal(blank.document.required_inference_time, '5000ms');
  assert.deepEqual(blank.warnings[0]?.path, ['required_inference_time', 'unit']);
  assert.equal(at(0, 'Seconds').document.required_inference_time, undefined);
  assert.equal(at('', '').document.required_inference_time, undefined);
  const days = at(2, 'Days');
  assert.equal(days.document.required_inference_time, '2 Days');
  assert.equal(days.warnings.length, 1);
  const bad = at(2, 'fortnights');
  assert.deepEqual(bad.document['x-required_inference_time'], { time: 2, unit: 'fortnights' });
});

test('production data: rates parsed when they can be, sources become a list', () => {
  const wordy = importTec(load('1.2', 'production-data')).document;
  assert.equal(wordy.data_rates, undefined);
  assert.match(wordy.data_rates_details as string, /^350 per second on average/);
  assert.deepEqual(wordy.data_sources, ['Payment gateway authorisation stream (Kafka topic auth-requests)']);
  assert.equal(importTec(load('1.1', 'production-data')).document.data_rates, '350/s');
  const perMinute = importTec(load('1.0', 'production-data'));
  assert.equal(validData('production-data', perMinute.document).data_rates, 350);
});

test('vocabulary values are normalised; unknown ones are kept in x- keys with a warning', () => {
  const rd = importTec(load('1.1', 'raw-data'));
  const schema = rows(rd.document.schema);
  assert.deepEqual(
    schema.map((f) => f.field_type),
    ['float', 'string', 'integer', 'boolean', 'other'],
  );
  assert.equal(schema[4]?.['x-field_type'], 'varchar(6)');
  assert.deepEqual(
    rd.warnings.map((w) => w.path),
    [['schema', 4, 'field_type']],
  );
  assert.deepEqual(rows(rd.document.data_sources), [
    { data_source: 'enterprise' },
    { data_source: 'other', other_source: 'Chargeback feed from the card scheme' },
  ]);

  const de = importTec(load('1.1', 'development-environment')).document;
  const items = rows(rows(de.upstream_components)[0]?.output_spec);
  assert.deepEqual(
    items.map((i) => i.item_type),
    ['float', 'string', 'string', 'boolean'],
    '"Text" is a string: no false mismatch with "String"',
  );

  const pe = importTec(load('1.1', 'production-environment')).document;
  assert.deepEqual([pe.deployment_platform, pe.deployment_mechanism], ['cloud', 'output-to-component']);
  const wild = importTec({
    version: '1.2',
    required_inference_time: {},
    deployment_platform: 'Government cloud',
    deployment_mechanism: 'Carrier pigeon',
  });
  assert.equal(wild.document.deployment_platform, 'private-cloud');
  assert.equal(wild.document.deployment_mechanism, 'other');
  assert.equal(wild.document['x-deployment_mechanism'], 'Carrier pigeon');
  const described = importTec({
    version: '1.2',
    required_inference_time: {},
    deployment_platform: 'Hospital edge boxes',
  }).document;
  assert.deepEqual(
    [described.deployment_platform, described.deployment_platform_details],
    ['other', 'Hospital edge boxes'],
  );

  const tm = importTec(load('1.2', 'trained-model')).document;
  assert.deepEqual(
    rows(tm.algorithm_metrics).map((m) => m.operator),
    ['<', '<='],
  );
  assert.deepEqual(
    rows(tm.evaluation_metrics).map((m) => [m.metric, m.other_metric]),
    [
      ['false-negative-rate', undefined],
      ['false-positive-rate', undefined],
      ['pr-auc', 'PR AUC'],
    ],
  );
  const td = importTec(load('1.1', 'training-data')).document;
  assert.deepEqual(rows(td.statistics)[0], { property: 'mean', field: 'amount', value: 52.3 }, '"Average" is the mean');
});

test('learning algorithms are flattened; "Other" with a known name is that algorithm', () => {
  const tm = importTec(load('1.2', 'trained-model')).document;
  assert.equal(rows(tm.model_components)[0]?.algorithm, 'gradient-boosting');
  const doc = load('1.2', 'trained-model');
  doc.model_components = [
    {
      learning_algorithm: { algorithm: 'Other', other_algorithm: 'Decision tree' },
      hyper_parameters: [],
      programming_languages: ['R'],
    },
    {
      learning_algorithm: { algorithm: 'Other', other_algorithm: 'Isolation forest' },
      hyper_parameters: [],
      programming_languages: ['R'],
    },
    {
      learning_algorithm: { algorithm: 'Random Forrest', other_algorithm: '' },
      hyper_parameters: [],
      programming_languages: ['R'],
    },
  ];
  const imported = importTec(doc);
  assert.deepEqual(
    rows(imported.document.model_components).map((c) => [c.algorithm, c.other_algorithm, c['x-algorithm']]),
    [
      ['decision-tree', 'Decision tree', undefined],
      ['other', 'Isolation forest', undefined],
      ['other', undefined, 'Random Forrest'],
    ],
  );
  assert.deepEqual(
    imported.warnings.filter((w) => w.path[0] === 'model_components').map((w) => w.path),
    [['model_components', 2, 'learning_algorithm', 'algorithm']],
  );
  assert.deepEqual(imported.origin(['model_components', 1, 'other_algorithm']), [
    'model_components',
    1,
    'learning_algorithm',
    'other_algorithm',
  ]);
});

test('goal baselines: leading comparison and number, the rest is the rationale', () => {
  const goal = (baseline: unknown, metric = 'Accuracy') => {
    const imported = importTec({
      version: '1.2',
      task: 't',
      goals: [{ id: 'G-01', goal: 'g', metric, baseline }],
    });
    const { id: _, goal: __, metric: ___, other_metric: ____, ...rest } = rows(imported.document.goals)[0] as Row;
    return { ...rest, warnings: imported.warnings.length };
  };
  assert.deepEqual(goal('0.9 (human parity)'), {
    baseline: 0.9,
    baseline_rationale: 'human parity',
    warnings: 0,
  });
  assert.deepEqual(goal('0.9'), { baseline: 0.9, warnings: 0 });
  assert.deepEqual(goal('>= 0.95, regulator'), {
    operator: '>=',
    baseline: 0.95,
    baseline_rationale: 'regulator',
    warnings: 0,
  });
  assert.deepEqual(goal('≤ 0.02 – card scheme rules'), {
    operator: '<=',
    baseline: 0.02,
    baseline_rationale: 'card scheme rules',
    warnings: 0,
  });
  assert.deepEqual(goal('human parity'), { baseline_rationale: 'human parity', warnings: 0 });
  assert.deepEqual(
    goal('3D printing rate'),
    { baseline_rationale: '3D printing rate', warnings: 0 },
    'not a number followed by words',
  );
  assert.deepEqual(goal('1,200 alerts a day', 'Alerts per day'), {
    baseline: 1200,
    baseline_rationale: 'alerts a day',
    warnings: 0,
  });
  assert.deepEqual(goal(0.8), { baseline: 0.8, warnings: 0 }, 'a number where TEC wants text');
  assert.deepEqual(goal(''), { warnings: 0 });
  // A percentage is a share only where the metric is one (accuracy, rates, F1...).
  assert.deepEqual(goal('90%'), { baseline: 0.9, warnings: 1 });
  assert.deepEqual(goal('90% (last year)', 'F1 Score'), {
    baseline: 0.9,
    baseline_rationale: 'last year',
    warnings: 1,
  });
  assert.deepEqual(goal('15%', 'Share of revenue lost'), { baseline: 15, warnings: 1 });
});

test('goal metrics: normalised where known, otherwise "other" with the text', () => {
  const sc = importTec(load('1.2', 'system-context')).document;
  assert.deepEqual(
    rows(sc.goals).map((g) => [g.metric, g.other_metric]),
    [
      ['false-negative-rate', undefined],
      ['false-positive-rate', undefined],
      ['other', 'Share of alerts analysts confirm'],
    ],
  );
  assert.equal(sc.ml_problem_type, 'classification');
  const wild = importTec({ version: '1.2', task: 't', ml_problem_type: 'Detection' });
  assert.equal(wild.document.ml_problem_type, 'detection', 'the label alone where TEC nests it');
  assert.equal(wild.warnings.length, 1);
});

test('item specifications: zeros TEC writes for "not applicable" are absent, real values kept', () => {
  const dp = importTec(load('1.2', 'data-pipeline')).document;
  const inputs = rows(dp.input_spec);
  assert.deepEqual(inputs[0]?.item_specification, { min_value: 0.01, max_value: 25000 });
  assert.deepEqual(inputs[0]?.error_handling, { error_type: 'return-error-code', error_code_value: 422 });
  assert.deepEqual(inputs[1]?.item_specification, {
    min_length: 8,
    max_length: 15,
    characters: { empty: false, numeric: true, slashes: false, spaces: false, special: false },
  });
  assert.deepEqual(inputs[2]?.item_specification, { other_value: '32 hexadecimal characters' });
  assert.equal(inputs[2]?.item_type, 'other');
  const tm = importTec(load('1.2', 'trained-model')).document;
  assert.deepEqual(
    rows(tm.output_spec)[0]?.item_specification,
    { min_value: 0, max_value: 1 },
    'min 0 is real when max is not 0',
  );
});

test("TEC's blank rows are dropped; origin still points at the right row", () => {
  const doc = load('1.2', 'trained-model');
  const final = doc.final_output_spec as Row[];
  doc.final_output_spec = [final[1], final[0]];
  const imported = importTec(doc);
  assert.equal(rows(imported.document.final_output_spec).length, 1);
  assert.deepEqual(imported.origin(['final_output_spec', 0, 'item_name']), ['final_output_spec', 1, 'item_name']);
  assert.deepEqual(
    imported.warnings.filter((w) => w.path[0] === 'final_output_spec'),
    [],
  );
});

test('statistics: numeric text becomes a number, words stay words', () => {
  const td = importTec(load('1.2', 'training-data')).document;
  assert.deepEqual(
    rows(td.statistics).map((s) => s.value),
    [52.3, 118.9, 'log-normal'],
  );
  assert.deepEqual(
    rows(td.statistics).map((s) => s.property),
    ['mean', 'std', 'distribution-type'],
  );
});

test('unknown keys are kept as x- keys where they were, with a warning naming them', () => {
  const rd = importTec(load('1.2', 'raw-data'));
  assert.equal(rd.document['x-data_steward'], 'Payments data office');
  assert.deepEqual(rd.warnings, [
    { path: ['data_steward'], message: 'unknown key "data_steward" kept as "x-data_steward"' },
  ]);
  const doc = load('1.2', 'trained-model');
  (doc.evaluation_dataset as Row).stratified_by = ['month'];
  ((doc.model_components as Row[])[0]?.learning_algorithm as Row).library = 'lightgbm';
  const tm = importTec(doc);
  assert.deepEqual((tm.document.evaluation_dataset as Row)['x-stratified_by'], ['month']);
  assert.equal(rows(tm.document.model_components)[0]?.['x-learning_algorithm.library'], 'lightgbm');
  assert.ok(tm.warnings.some((w) => /"stratified_by"/.test(w.message)));
  assert.deepEqual(tm.origin(['evaluation_dataset', 'x-stratified_by', 0]), ['evaluation_dataset', 'stratified_by', 0]);
  assert.equal(validate('trained-model', tm.document).success, true, 'x- keys are not validated');
});

test('values of the wrong type are kept in x- keys, never thrown on', () => {
  const doc = clone(load('1.2', 'trained-model'));
  doc.model_description = { text: 'nested' };
  doc.ensemble = 'yes';
  doc.training_date = 'yesterday';
  doc.inference_time = 'fast';
  (doc.evaluation_dataset as Row).seed = 'forty-two';
  doc.system_dependencies = 'numpy';
  const imported = importTec(doc);
  const d = imported.document;
  assert.deepEqual(d['x-description'], { text: 'nested' });
  assert.equal(d.ensemble, true);
  assert.equal(d['x-training_date'], 'yesterday');
  assert.equal(d['x-inference_time'], 'fast');
  assert.equal((d.evaluation_dataset as Row)['x-seed'], 'forty-two');
  assert.equal(d['x-system_dependencies'], 'numpy');
  assert.equal(validate('trained-model', d).success, true);
  assert.deepEqual(imported.origin(['x-description', 'text']), ['model_description', 'text']);
  assert.ok(imported.warnings.length >= 6);
});

test('origin maps Dovetail paths to TEC paths (longest known prefix)', () => {
  const tm = importTec(load('1.2', 'trained-model'));
  assert.deepEqual(tm.origin(['model_components', 0, 'algorithm']), [
    'model_components',
    0,
    'learning_algorithm',
    'algorithm',
  ]);
  assert.deepEqual(tm.origin(['output_spec', 0, 'item_specification', 'max_value']), [
    'output_spec',
    0,
    'item_specification',
    'max_value',
  ]);
  assert.deepEqual(tm.origin(['computing_resource_reqs', 'memory']), ['computing_resource_reqs', 'memory']);
  assert.deepEqual(tm.origin(['name']), ['model_name']);
  assert.deepEqual(tm.origin(['version']), ['model_version']);
  assert.deepEqual(tm.origin(['data_pipeline']), ['data_pipeline_identifier']);
  assert.deepEqual(tm.origin(['log_data', 1, 'history']), ['log_data', 1, 'history']);
  assert.deepEqual(tm.origin(['output_spec', 0, 'no_such_field', 3]), ['output_spec', 0]);
  assert.deepEqual(tm.origin([]), []);
  const sc = importTec(load('1.2', 'system-context'));
  assert.deepEqual(sc.origin(['ml_problem_type']), ['ml_problem_type', 'ml_problem']);
  assert.deepEqual(sc.origin(['goals', 1, 'operator']), ['goals', 1, 'baseline']);
  assert.deepEqual(sc.origin(['goals', 2, 'other_metric']), ['goals', 2, 'metric']);
  const old = importTec(load('1.0', 'system-context'));
  assert.deepEqual(old.origin(['goals', 1, 'goal']), ['business_goals', 1, 'goal']);
  assert.deepEqual(old.origin(['success_criteria', 1]), ['success_criteria', 1]);
});

test('errors found in the Dovetail form point at the TEC line (via origin)', () => {
  const doc = load('1.2', 'trained-model');
  ((doc.output_spec as Row[])[0]?.component_mapping as Row).data_item = '';
  const imported = importTec(doc);
  const r = validate('trained-model', imported.document);
  assert.equal(r.success, false);
  const issue = r.success ? undefined : r.error.issues[0];
  assert.deepEqual(issue?.path, ['output_spec', 0, 'component_mapping', 'data_item']);
  assert.deepEqual(imported.origin(issue?.path as (string | number)[]), ['output_spec', 0, 'component_mapping']);
});
