import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KIND_IDS, type KindId } from '../../src/descriptors/kinds/index.js';
import { exportTec, importTec } from '../../src/descriptors/tec/index.js';
import {
  TEC_ALGORITHMS,
  TEC_DATA_SOURCES,
  TEC_ERROR_TYPES,
  TEC_ITEM_TYPES,
  TEC_METRICS,
  TEC_ML_PROBLEMS,
  TEC_OPERATORS,
  tec12Schemas,
} from '../../src/descriptors/tec/schema-1.2.js';
import {
  algorithms,
  dataSourceTypes,
  errorHandlingTypes,
  itemTypes,
  metrics,
  mlProblems,
  operators,
  type Vocabulary,
} from '../../src/descriptors/vocabulary.js';
import { dovetailDocs } from './dovetail-docs.js';
import { fixtures, load, validData } from './helpers.js';

type Row = Record<string, unknown>;
const rows = (value: unknown) => value as Row[];

function exported(kind: KindId, doc: Row): Row {
  return exportTec(kind, validData(kind, doc) as never, doc);
}

function assertTec12(kind: KindId, doc: unknown, what: string) {
  const r = tec12Schemas[kind].safeParse(doc);
  assert.ok(r.success, `${what}: ${r.success ? '' : JSON.stringify(r.error.issues.slice(0, 5), null, 1)}`);
}

test('the export of every imported fixture is a valid TEC 1.2 document', () => {
  for (const f of fixtures()) {
    const imported = importTec(f.doc);
    const out = exported(f.kind, imported.document);
    assertTec12(f.kind, out, f.file);
    assert.equal(out.version, '1.2');
    assert.equal(Object.keys(out)[0], 'version');
    assert.deepEqual(JSON.parse(JSON.stringify(out)), out, 'plain JSON');
    assert.equal('kind' in out, false);
  }
});

test('the export of Dovetail descriptors with nothing TEC knows is valid TEC 1.2', () => {
  for (const kind of KIND_IDS) {
    assertTec12(kind, exported(kind, dovetailDocs[kind]), kind);
    assertTec12(kind, exported(kind, { kind, name: 'minimal' }), `${kind} (minimal)`);
  }
});

test('the trained model always has error_handling, which TEC 1.2 requires', () => {
  const minimal = exported('trained-model', { kind: 'trained-model', name: 'm' });
  assert.deepEqual(minimal.error_handling, []);
  const full = exported('trained-model', importTec(load('1.1', 'trained-model')).document);
  assert.deepEqual(full.error_handling, load('1.1', 'trained-model').error_handling);
  // The structural schema is strict about it, as the fixed TEC schema would be.
  const { error_handling: _, ...without } = full;
  assert.equal(tec12Schemas['trained-model'].safeParse(without).success, false);
});

test('blanks are written the way TEC writes them', () => {
  const tm = exported('trained-model', { kind: 'trained-model', name: 'm' });
  assert.equal(tm.model_name, 'm');
  assert.equal(tm.model_description, '');
  assert.equal(tm.ensemble, false);
  assert.deepEqual(tm.computing_resource_reqs, { gpu: 0, cpu: 0, memory: 0, storage: 0 });
  assert.deepEqual(tm.inference_time, { time: 0, unit: 'Milliseconds' });
  assert.deepEqual(tm.post_processing_process, []);
  assert.deepEqual(tm.system_dependencies, [''], 'a blank entry where TEC needs at least one');
  const output = rows(tm.output_spec)[0] as Row;
  assert.equal(output.item_type, 'Other');
  assert.deepEqual(output.item_specification, {
    other_value: '',
    min_value: 0,
    max_value: 0,
    resolution_x: 0,
    resolution_y: 0,
    channels: 0,
    image_format: '',
    min_length: 0,
    max_length: 0,
    empty: false,
    numeric: false,
    slashes: false,
    spaces: false,
    special: false,
  });
  assert.deepEqual(importTec(tm).document, { kind: 'trained-model', name: 'm' }, 'and read back as nothing');
});

test('enums get TEC labels; values TEC has no label for become "Other" with the text', () => {
  const tm = exported('trained-model', dovetailDocs['trained-model']);
  const components = rows(tm.model_components).map((c) => c.learning_algorithm);
  assert.deepEqual(components, [
    { algorithm: 'Other', other_algorithm: 'decision-tree' },
    { algorithm: 'Other', other_algorithm: 'Isolation forest' },
    { algorithm: 'Other', other_algorithm: 'TabTransformer, 4 layers' },
  ]);
  assert.equal(rows(tm.model_components)[2]?.['x-dovetail-algorithm'], 'transformer');
  assert.deepEqual(rows(tm.evaluation_metrics)[0], {
    metric: 'Other',
    other_metric: 'roc-auc',
    result: 0.97,
  });
  assert.equal(rows(tm.algorithm_metrics)[0]?.operator, 'less than');
  const reasons = rows(tm.output_spec)[1] as Row;
  assert.deepEqual([reasons.item_type, reasons['x-dovetail-item_type']], ['Other', 'category']);

  const sc = exported('system-context', dovetailDocs['system-context']);
  assert.deepEqual(sc.ml_problem_type, {
    ml_problem: 'Other',
    other_problem: 'Rank payments for the review queue',
  });
  assert.equal(sc['x-dovetail-ml_problem_type'], 'ranking');
  assert.deepEqual(
    rows(sc.goals).map((g) => [g.metric, g.baseline]),
    [
      ['recall', '>= 0.85 (current rules engine)'],
      ['False Positive Rate', '<= 0.02'],
      ['alert confirmation rate', '0.5'],
      ['', '3 analysts reviewed the budget'],
      ['roc-auc', ''],
    ],
  );

  const pe = exported('production-environment', dovetailDocs['production-environment']);
  assert.deepEqual(
    [pe.deployment_platform, pe.deployment_mechanism],
    ['edge', 'batch'],
    'free text in TEC: the Dovetail id',
  );
  assert.equal(pe['x-dovetail-deployment_platform_details'], 'Payment terminals, ARM');
  const dp = exported('data-pipeline', dovetailDocs['data-pipeline']);
  assert.deepEqual(
    rows(dp.input_spec).map((i) => (i.error_handling as Row).error_type),
    ['Log to console', 'Return error code', 'Log to console', 'Log to console'],
  );
  const de = exported('development-environment', importTec(load('1.1', 'development-environment')).document);
  assert.equal(rows(rows(de.upstream_components)[0]?.output_spec)[2]?.item_type, 'String');
});

test('numbers as TEC wants them: GB, whole CPUs, whole times in the largest unit', () => {
  const resources = (computing_resource_reqs: Row, inference_time?: string) =>
    exported('trained-model', { kind: 'trained-model', name: 'm', computing_resource_reqs, inference_time });
  const tm = resources({ gpu: { count: 2, model: 'A100' }, cpu: '500m', memory: '512MB', storage: '2TB' }, '250ms');
  assert.deepEqual(
    { ...(tm.computing_resource_reqs as Row), 'x-dovetail-gpu': undefined, 'x-dovetail-cpu': undefined },
    {
      gpu: 2,
      cpu: 1,
      memory: 0.512,
      storage: 2000,
      'x-dovetail-gpu': undefined,
      'x-dovetail-cpu': undefined,
    },
  );
  assert.deepEqual(tm.inference_time, { time: 250, unit: 'Milliseconds' });
  const time = (t: string) => resources({}, t).inference_time;
  assert.deepEqual(time('2s'), { time: 2, unit: 'Seconds' });
  assert.deepEqual(time('90s'), { time: 90, unit: 'Seconds' });
  assert.deepEqual(time('1min'), { time: 1, unit: 'Minutes' });
  assert.deepEqual(time('2d'), { time: 48, unit: 'Hours' });
  assert.deepEqual(time('1.5s'), { time: 1500, unit: 'Milliseconds' });
  assert.deepEqual(time('0.5ms'), { time: 1, unit: 'Milliseconds' }, 'rounded; the exact value is kept aside');
  // What a model needs is rounded up, what an environment has rounded down.
  const de = exported('development-environment', {
    kind: 'development-environment',
    name: 'd',
    computing_resources: { cpu: 2.5 },
  });
  assert.equal((de.computing_resources as Row).cpu, 2);
});

test('Dovetail-only fields are kept in x-dovetail- keys; x- keys go back under their own name', () => {
  const sc = exported('system-context', dovetailDocs['system-context']);
  assert.deepEqual(sc['x-dovetail-success_criteria'], dovetailDocs['system-context'].success_criteria);
  assert.equal(sc['x-dovetail-name'], 'card-fraud');
  assert.deepEqual(sc.review, { by: 'risk committee', on: '2024-02-01' });
  const rd = exported('raw-data', importTec(load('1.2', 'raw-data')).document);
  assert.equal(rd.data_steward, 'Payments data office');
  const dp = exported('data-pipeline', dovetailDocs['data-pipeline']);
  const first = rows(dp.input_spec)[0] as Row;
  assert.equal(first['x-dovetail-nullable'], true);
  assert.equal(first['x-dovetail-item_type'], 'boolean');
  const embedding = rows(dp.input_spec)[2] as Row;
  assert.deepEqual((embedding.item_specification as Row)['x-dovetail-shape'], [null, 64]);
  const pd = exported('production-data', dovetailDocs['production-data']);
  assert.equal(pd.data_sources, 'Kafka auth-requests; Nightly settlement files');
  assert.equal(pd.data_rates, '3000/min');
  assert.equal(pd['x-dovetail-data_rates_details'], 'Peaks of 2000/s on Black Friday');
});

test("every TEC label of Dovetail's vocabularies is in TEC 1.2's enum", () => {
  const pairs: [Vocabulary, readonly string[]][] = [
    [itemTypes, TEC_ITEM_TYPES],
    [mlProblems, TEC_ML_PROBLEMS],
    [dataSourceTypes, TEC_DATA_SOURCES],
    [errorHandlingTypes, TEC_ERROR_TYPES],
    [algorithms, TEC_ALGORITHMS],
    [metrics, TEC_METRICS],
    [operators, TEC_OPERATORS],
  ];
  for (const [vocab, labels] of pairs) {
    assert.deepEqual(new Set(Object.values(vocab.tec)), new Set(labels), vocab.name);
    for (const label of labels) assert.ok(vocab.normalize(label), `${vocab.name}: ${label}`);
  }
});

test('the structural TEC 1.2 schema is strict about required keys and enums', () => {
  const tm = exported('trained-model', importTec(load('1.2', 'trained-model')).document);
  assert.equal(tec12Schemas['trained-model'].safeParse(tm).success, true);
  const broken = (change: (doc: Row) => void) => {
    const doc = structuredClone(tm);
    change(doc);
    return tec12Schemas['trained-model'].safeParse(doc).success;
  };
  assert.equal(
    broken((d) => {
      delete d.model_name;
    }),
    false,
  );
  assert.equal(
    broken((d) => {
      (rows(d.final_output_spec)[0] as Row).item_type = '';
    }),
    false,
    'a blank item type',
  );
  assert.equal(
    broken((d) => {
      (d.computing_resource_reqs as Row).gpu = '';
    }),
    false,
  );
  assert.equal(
    broken((d) => {
      (rows(d.algorithm_metrics)[0] as Row).operator = '';
    }),
    false,
    "TEC's migrated operator",
  );
  assert.equal(
    broken((d) => {
      d.evaluation_metrics = [];
    }),
    false,
    'minItems',
  );
  assert.equal(
    broken((d) => {
      d.anything_else = 1;
    }),
    true,
    'extra keys are allowed, as in TEC',
  );
  // TEC's own migration of a 1.1 data pipeline is not valid 1.2; the schema says so.
  const dp = load('1.2', 'data-pipeline');
  const input = (dp.input_spec as Row[])[0] as Row;
  input.item_type = 'float';
  input.error_handling = { error_type: '', error_code_value: 0 };
  assert.equal(tec12Schemas['data-pipeline'].safeParse(dp).success, false);
  // The fixtures that keep TEC's quirks are rejected, the clean ones accepted.
  assert.equal(tec12Schemas['trained-model'].safeParse(load('1.2', 'trained-model')).success, false);
  assert.equal(tec12Schemas['production-environment'].safeParse(load('1.2', 'production-environment')).success, false);
  for (const kind of [
    'system-context',
    'data-pipeline',
    'training-data',
    'development-environment',
    'production-data',
  ] as const)
    assert.equal(tec12Schemas[kind].safeParse(load('1.2', kind)).success, true, kind);
});
