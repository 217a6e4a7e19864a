import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { KIND_IDS, type KindId } from '../../src/descriptors/kinds/index.js';
import { exportTec, importTec } from '../../src/descriptors/tec/index.js';
import { dovetailDocs } from './dovetail-docs.js';
import { extensions, fixtures, load, meaningful, validData } from './helpers.js';

type Row = Record<string, unknown>;

function toTec(kind: KindId, doc: Row): Row {
  return exportTec(kind, validData(kind, doc) as never, doc);
}

/** Leaves out Dovetail's bookkeeping keys, which TEC ignores. */
function withoutDovetailKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDovetailKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !k.startsWith('x-dovetail-'))
      .map(([k, v]) => [k, withoutDovetailKeys(v)]),
  );
}

test('TEC 1.2 → Dovetail → TEC 1.2 gives the same document back', () => {
  // These fixtures hold no quirks: the round trip is exact, unknown keys included.
  for (const kind of [
    'system-context',
    'raw-data',
    'data-pipeline',
    'training-data',
    'development-environment',
    'production-data',
  ] as const) {
    const doc = load('1.2', kind);
    assert.deepEqual(withoutDovetailKeys(toTec(kind, importTec(doc).document)), doc, kind);
  }
});

test("TEC 1.2 → Dovetail → TEC 1.2 keeps the content of documents with TEC's quirks", () => {
  for (const kind of ['trained-model', 'production-environment'] as const) {
    const doc = load('1.2', kind);
    const back = toTec(kind, importTec(doc).document);
    assert.deepEqual(meaningful(back), meaningful(doc), kind);
  }
  // The quirks are repaired: numbers are numbers, the blank row and the cleared GPU field are gone.
  const tm = toTec('trained-model', importTec(load('1.2', 'trained-model')).document);
  assert.equal((tm.final_output_spec as Row[]).length, 1);
  assert.equal((tm.computing_resource_reqs as Row).gpu, 0);
  const pe = toTec('production-environment', importTec(load('1.2', 'production-environment')).document);
  assert.deepEqual(pe.required_inference_time, { time: 100, unit: 'Milliseconds' });
});

test('old versions: TEC → Dovetail → TEC 1.2 keeps the content, migrated', () => {
  for (const f of fixtures()) {
    const first = importTec(f.doc);
    const tec = toTec(f.kind, first.document);
    const again = importTec(tec);
    assert.equal(again.version, '1.2');
    // Reading the export gives exactly the Dovetail document the original gave.
    assert.deepEqual(again.document, first.document, f.file);
  }
  const sc = toTec('system-context', importTec(load('1.0', 'system-context')).document);
  assert.deepEqual(
    (sc.goals as Row[]).map((g) => g.id),
    ['BG-01', 'BG-02'],
  );
  assert.deepEqual(sc['x-dovetail-success_criteria'], load('1.0', 'system-context').success_criteria);
  const dp = toTec('data-pipeline', importTec(load('1.1', 'data-pipeline')).document);
  assert.deepEqual(
    (dp.input_spec as Row[]).map((i) => [i.item_type, i['x-dovetail-expected_values']]),
    [
      ['Float', '0.01 to 25000, two decimals'],
      ['String', '8 to 15 digits'],
      ['Other', 'true or false'],
    ],
  );
});

test('Dovetail → TEC 1.2 → Dovetail keeps the validated data and every x- key', () => {
  for (const kind of KIND_IDS) {
    const doc = dovetailDocs[kind];
    const tec = toTec(kind, doc);
    const back = importTec(tec);
    assert.equal(back.kind, kind);
    assert.deepEqual(validData(kind, back.document), validData(kind, doc), kind);
    assert.deepEqual(extensions(back.document), extensions(doc), `${kind}: x- keys`);
  }
});

test('Dovetail → TEC → Dovetail keeps the written form where TEC rounds or has no place', () => {
  const tm = importTec(toTec('trained-model', dovetailDocs['trained-model'])).document;
  const reqs = tm.computing_resource_reqs as Row;
  assert.deepEqual(reqs.gpu, { count: 1, memory: '16GB', model: 'T4' });
  assert.equal(reqs.cpu, '500m');
  assert.equal(tm.owner, 'data-scientist');
  assert.deepEqual(
    (tm.algorithm_metrics as Row[]).map((m) => [m.operator, m.threshold, m.window]),
    [
      ['<', 0.2, '1d'],
      [undefined, 0, undefined],
      ['<=', undefined, undefined],
    ],
  );
  const sc = importTec(toTec('system-context', dovetailDocs['system-context'])).document;
  assert.equal(sc.name, 'card-fraud');
  assert.deepEqual(sc.goals, dovetailDocs['system-context'].goals);
  const rd = importTec(toTec('raw-data', dovetailDocs['raw-data'])).document;
  assert.deepEqual((rd.data_sources as Row[])[1], { data_source: 'other' }, 'a row TEC would call blank is kept');
  assert.equal(rd.number_of_instances, 0);
});

test('a value changed in TEC wins over the Dovetail copy kept beside it, with a warning', () => {
  const tec = toTec('trained-model', dovetailDocs['trained-model']);
  (tec.computing_resource_reqs as Row).cpu = 8;
  const metric = (tec.algorithm_metrics as Row[])[1] as Row;
  metric.operator = 'less than';
  const back = importTec(tec);
  assert.equal((back.document.computing_resource_reqs as Row).cpu, 8);
  assert.equal(
    ((back.document.algorithm_metrics as Row[])[1] as Row).operator,
    '<',
    'a placeholder that was filled in',
  );
  const warned = back.warnings.filter((w) => /no longer matches/.test(w.message)).map((w) => w.path);
  assert.deepEqual(warned, [
    ['algorithm_metrics', 1, 'operator'],
    ['computing_resource_reqs', 'cpu'],
  ]);
});

test('descriptors read from YAML (dates as Date objects) export as plain JSON and come back', () => {
  const doc = parse(
    [
      'kind: trained-model',
      'name: fraud-scorer',
      'training_date: 2024-03-28',
      'x-reviewed: 2024-04-01',
      'evaluation_dataset: {holdout_percentage: 20, x-frozen: 2024-02-29}',
    ].join('\n'),
    { version: '1.1' }, // YAML 1.1 reads timestamps as dates
  ) as Row;
  assert.ok(doc.training_date instanceof Date);
  const tec = toTec('trained-model', doc);
  assert.deepEqual(JSON.parse(JSON.stringify(tec)), tec);
  assert.equal(tec.training_date, '2024-03-28');
  assert.equal(tec.reviewed, '2024-04-01');
  const back = importTec(tec).document;
  assert.deepEqual([back.training_date, back['x-reviewed']], ['2024-03-28', '2024-04-01']);
  assert.equal((back.evaluation_dataset as Row)['x-frozen'], '2024-02-29');
});
