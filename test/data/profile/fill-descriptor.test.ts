// Filling training-data and production-data descriptors from a profile: what is added, what is kept
// byte for byte, which contradictions are warned about, and which descriptors are refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type FillOptions, fillDescriptor, fillSummary } from '../../../src/data/profile/fill-descriptor.js';
import { type Profile, profileColumns } from '../../../src/data/profile/profile.js';
import { DescriptorEditError } from '../../../src/descriptors/edit.js';
import { systemFromTexts } from '../../../src/descriptors/load.js';

/** Five payments: amount 10–40 with one missing, three cities, a fraud label (2 of 5). */
const PAYMENTS: Profile = profileColumns(
  {
    amount: [10, 20, 30, 40, null],
    city: ['Oslo', 'Lima', 'Oslo', 'Pune', 'Oslo'],
    fraud: [true, false, false, false, true],
  },
  { types: { amount: 'integer', city: 'category', fraud: 'boolean' }, created: '2026-01-01T00:00:00Z' },
);

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

function fill(text: string, file = 'training-data.yaml', options: FillOptions = {}, profile = PAYMENTS) {
  return fillDescriptor(text, file, profile, options);
}

async function errorsOf(file: string, text: string): Promise<string[]> {
  const system = await systemFromTexts([{ file, text }]);
  return system.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.pointer} ${d.message}`);
}

describe('fillDescriptor', () => {
  test('adds schema fields, statistics, label shares and the profile; the rest stays byte for byte', async () => {
    const text = yaml(
      '# Training data for the fraud model.',
      'kind: training-data',
      'name: payments   # the name others use',
      'description: >-',
      '  Card payments, one row',
      '  per payment.',
      'schema:',
      '  - field_name: Amount   # matched without regard to case',
      '    unit: EUR',
      '    item_specification: { max_value: 100 }',
      '  - field_name: fraud',
      '    field_type: boolean',
      '    label_field: true',
      'statistics:',
      '  # written by hand',
      '  - field: Amount',
      '    property: mean',
      '    value: 25.0',
      'preparation_code: https://example.com/prepare.py',
    );
    const result = fill(text, 'training-data.yaml', { profile: 'payments.profile.json' });
    assert.equal(
      result.text,
      yaml(
        '# Training data for the fraud model.',
        'kind: training-data',
        'name: payments   # the name others use',
        'description: >-',
        '  Card payments, one row',
        '  per payment.',
        'schema:',
        '  - field_name: Amount   # matched without regard to case',
        '    field_type: integer',
        '    unit: EUR',
        '    item_specification: { max_value: 100, min_value: 10 }',
        '  - field_name: fraud',
        '    field_type: boolean',
        '    label_field: true',
        '  - field_name: city',
        '    field_type: category',
        'statistics:',
        '  # written by hand',
        '  - field: Amount',
        '    property: mean',
        '    value: 25.0',
        '  - field: Amount',
        '    property: std',
        '    value: 11.1803',
        '  - field: Amount',
        '    property: min',
        '    value: 10',
        '  - field: Amount',
        '    property: q1',
        '    value: 10',
        '  - field: Amount',
        '    property: median',
        '    value: 20',
        '  - field: Amount',
        '    property: q3',
        '    value: 30',
        '  - field: Amount',
        '    property: max',
        '    value: 40',
        '  - field: Amount',
        '    property: missing-share',
        '    value: 0.2',
        '  - field: city',
        '    property: missing-share',
        '    value: 0',
        '  - field: fraud',
        '    property: missing-share',
        '    value: 0',
        'distribution:',
        '  - label: false',
        '    percentage: 60',
        '  - label: true',
        '    percentage: 40',
        'preparation_code: https://example.com/prepare.py',
        'profile: payments.profile.json',
      ),
    );
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(fillSummary(result), [
      'added schema: Amount (field_type, min_value), city (new field)',
      'added statistics: Amount (std, min, q1, median, q3, max, missing-share), city (missing-share), fraud (missing-share)',
      'added distribution: fraud (false, true)',
      'added profile: payments.profile.json',
      'kept schema: Amount (max_value), fraud (field_type)',
      'kept statistics: Amount (mean)',
    ]);
    assert.deepEqual(await errorsOf('training-data.yaml', result.text), []);
  });

  test('a second fill adds nothing', () => {
    const once = fill(yaml('kind: training-data', 'name: payments'), 'training-data.yaml', { label: 'fraud' });
    const twice = fill(once.text, 'training-data.yaml', { label: 'fraud' });
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.added, []);
    assert.deepEqual(twice.warnings, []);
  });

  test('keeps what contradicts the data, and warns naming the field and both values', () => {
    const text = yaml(
      'kind: training-data',
      'name: payments',
      'schema:',
      '  - field_name: amount',
      '    field_type: integer',
      '    item_specification: {min_value: 15, max_value: 35}',
      '  - field_name: city',
      '    field_type: float',
      '    item_specification:',
      '      allowed_values: [Oslo, Lima]',
      '  - field_name: fraud',
      '    field_type: boolean',
      '    label_field: true',
      '  - field_name: merchant',
      '    field_type: string',
      'statistics:',
      '  - { field: amount, property: mean, value: 50 }',
      '  - { field: amount, property: missing-share, value: 0.19 }',
      'distribution:',
      '  - { label: "True", percentage: 10 }',
      '  - { label: maybe, percentage: 5 }',
      'profile: other.profile.json',
    );
    const result = fill(text, 'training-data.yaml', { profile: 'payments.profile.json' });
    assert.deepEqual(result.warnings, [
      "schema amount: min_value is 15, but the data's smallest value is 10",
      "schema amount: max_value is 35, but the data's largest value is 40",
      'statistics amount: mean is written as 50, but the data gives 25',
      'schema city: field_type is float, but the data holds category values',
      'schema city: allowed_values lack values the data holds: `Pune`',
      'schema merchant: not a column of the data',
      'distribution: label True is written as 10%, but the data gives 40%',
      'distribution: label maybe is written as 5%, but the data has no such label',
      'profile is other.profile.json; payments.profile.json is not recorded in its place',
    ]);
    // Everything written stays; only the missing statistics and the missing label are added.
    assert.ok(result.text.startsWith(text.slice(0, text.indexOf('distribution:'))));
    assert.match(result.text, /- \{ label: maybe, percentage: 5 \}\n {2}- label: false\n {4}percentage: 60\n/);
    assert.match(result.text, /\nprofile: other\.profile\.json\n$/);
    assert.ok(!result.added.some((e) => e.section === 'statistics' && e.item === 'mean'));
  });

  test('refuses descriptors of other kinds, text without a kind, and invalid YAML, naming the file', () => {
    assert.throws(
      () => fill(yaml('kind: trained-model', 'name: scorer'), 'model.yaml'),
      (e: Error) =>
        e instanceof DescriptorEditError && /model\.yaml is a trained-model descriptor/.test(e.message) === true,
    );
    assert.throws(() => fill(yaml('name: payments'), 'x.yaml'), /x\.yaml: missing required field "kind"/);
    assert.throws(
      () => fill(yaml('kind: training-data', 'name: [payments'), 'broken.yaml'),
      (e: Error) => e instanceof DescriptorEditError && /^broken\.yaml:\d+:\d+: not valid YAML/.test(e.message),
    );
    assert.throws(
      () => fill(yaml('kind: training-data', 'name: a', '---', 'kind: training-data', 'name: b'), 'two.yaml'),
      /two\.yaml holds 2 documents/,
    );
    assert.throws(
      () => fill(yaml('kind: training-data', 'name: a', 'schema: 3'), 'bad.yaml'),
      /bad\.yaml is not a valid training-data descriptor/,
    );
  });

  test('edits a JSON descriptor as JSON, in key order, indented by 2', async () => {
    const text = `${JSON.stringify({ kind: 'production-data', name: 'live', data_rates: '5/s', profile: '' }, null, 2)}\n`;
    const result = fill(text, 'production-data.json', { label: 'fraud', profile: 'live.json' });
    const document = JSON.parse(result.text);
    assert.deepEqual(Object.keys(document), [
      'kind',
      'name',
      'data_rates',
      'schema',
      'statistics',
      'distribution',
      'profile',
    ]);
    assert.equal(result.text, `${JSON.stringify(document, null, 2)}\n`);
    assert.deepEqual(document.schema[0], {
      field_name: 'amount',
      field_type: 'integer',
      item_specification: { min_value: 10, max_value: 40 },
    });
    assert.deepEqual(document.distribution, [
      { label: false, percentage: 60 },
      { label: true, percentage: 40 },
    ]);
    assert.equal(document.profile, 'live.json');
    assert.deepEqual(await errorsOf('production-data.json', result.text), []);
  });

  test('adds to flow lists and mappings in flow style; an empty flow list becomes a block list', async () => {
    const text = yaml(
      'kind: production-data',
      'name: live',
      'schema: [{ field_name: amount, field_type: int64 }]',
      'statistics: []',
      'distribution: []',
    );
    const result = fill(text, 'production-data.yaml');
    assert.equal(
      result.text.split('\n')[2],
      'schema: [{ field_name: amount, field_type: int64, item_specification: { min_value: 10, max_value: 40 } }, ' +
        '{ field_name: city, field_type: category }, { field_name: fraud, field_type: boolean }]',
    );
    assert.match(result.text, /\nstatistics:\n {2}- field: amount\n {4}property: mean\n {4}value: 25\n/);
    assert.match(result.text, /\ndistribution: \[\]\n$/, 'no label column named: production data has no label field');
    assert.deepEqual(await errorsOf('production-data.yaml', result.text), []);
  });

  test('the label column: one named, or a single training-data label field the profile counts', () => {
    const base = yaml(
      'kind: training-data',
      'name: payments',
      'schema:',
      '  - { field_name: amount, label_field: true }',
      '  - { field_name: city, label_field: true }',
      '  - { field_name: fraud, label_field: true }',
    );
    const guessed = fill(base);
    assert.deepEqual(
      guessed.warnings,
      ['distribution: several label fields could give the label shares (city, fraud); name the label column'],
      'amount is a number, whose shares are not counted',
    );
    assert.doesNotMatch(guessed.text, /distribution/);
    assert.match(fill(base, 'training-data.yaml', { label: 'city' }).text, /- label: Oslo\n {4}percentage: 60\n/);
    assert.deepEqual(fill(base, 'training-data.yaml', { label: 'amount' }).warnings, [
      'distribution: label column amount holds integer values, whose shares are not counted',
    ]);
    assert.throws(() => fill(base, 'training-data.yaml', { label: 'Fraud' }), /label column "Fraud" is not a column/);
  });

  test('label shares are left out when the profile counted the values only approximately', () => {
    const many = profileColumns(
      { label: Array.from({ length: 600 }, (_, i) => `c${i % 300}`) },
      {
        types: { label: 'category' },
        frequentCap: 200,
      },
    );
    const result = fill(yaml('kind: production-data', 'name: live'), 'p.yaml', { label: 'label' }, many);
    assert.deepEqual(result.warnings, [
      'distribution: label column label has more than 200 distinct values, too many to count exactly',
    ]);
  });

  test('an empty profile placeholder is filled; the same path is kept', () => {
    const filled = fill(yaml('kind: training-data', 'name: payments', 'profile: "" # to do'), 'td.yaml', {
      profile: 'data/p.json',
    });
    assert.match(filled.text, /\nprofile: data\/p\.json # to do\n$/);
    const again = fill(filled.text, 'td.yaml', { profile: './data/p.json' });
    assert.deepEqual(again.warnings, []);
    assert.deepEqual(
      again.kept.filter((e) => e.section === 'profile'),
      [{ section: 'profile', subject: './data/p.json' }],
    );
  });
});
