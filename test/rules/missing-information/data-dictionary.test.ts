import { dataDictionary } from '../../../src/rules/missing-information/data-dictionary.js';
import { ruleTester } from '../tester.js';
import { field, one, system } from './complete.js';

type Row = Record<string, unknown>;

ruleTester(dataDictionary, {
  valid: [
    { name: 'complete dictionaries', docs: system() },
    {
      name: 'label fields need no production mapping (TEC flags every label field: B-M4)',
      docs: [
        one('training-data', {
          schema: field<Row[]>('training-data', 'schema').map((f) => ({
            ...f,
            mapping_production_data: undefined,
            label_field: true,
          })),
        }),
      ],
    },
    {
      name: 'an item_specification gives the expected values',
      docs: [
        one('production-data', {
          schema: [
            {
              field_name: 'distance',
              field_description: 'Route distance.',
              field_type: 'int',
              item_specification: { min_value: 10 },
            },
          ],
        }),
      ],
    },
    {
      name: 'against a production schema, an unmapped feature is the data-schema category’s',
      docs: system({
        'training-data': {
          schema: field<Row[]>('training-data', 'schema').map((f) => ({ ...f, mapping_production_data: undefined })),
          distribution: undefined,
        },
      }),
    },
    { name: 'no data descriptors: nothing to check', docs: [one('trained-model')] },
  ],
  invalid: [
    {
      name: 'no schema at all',
      docs: [one('raw-data', { schema: undefined })],
      findings: [
        {
          message: /^raw-data `raw` does not say: schema$/,
          severity: 'warning',
          evidence: ['raw-data/raw:'],
          roles: ['data-engineer'],
        },
      ],
    },
    {
      name: 'a raw field without meaning or missing-value meaning, pointed at the field',
      docs: [
        one('raw-data', {
          schema: [{ field_name: 'delay', field_type: 'integer', expected_values: '-120 to 1700' }],
        }),
      ],
      findings: [
        {
          message:
            /^raw-data `raw` does not say: schema\.field_description of `delay`; schema\.interpret_missing of `delay`$/,
          evidence: ['raw-data/raw:/schema/0'],
        },
      ],
    },
    {
      name: 'a training feature without production mapping (no production schema yet) or missing-value treatment; the label field needs no mapping',
      docs: [
        one('training-data', {
          schema: field<Row[]>('training-data', 'schema').map((f) => ({
            ...f,
            mapping_production_data: undefined,
            missing_values: undefined,
          })),
        }),
      ],
      findings: [
        {
          message:
            /^training-data `train` does not say: schema\.missing_values of `distance`, `delayed`; schema\.mapping_production_data of `distance`$/,
          evidence: ['training-data/train:/schema'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'many fields without descriptions are listed briefly',
      docs: [
        one('production-data', {
          schema: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => ({
            field_name: n,
            field_type: 'float',
            expected_values: '0 to 1',
          })),
          statistics: undefined,
        }),
      ],
      findings: [{ message: /does not say: schema\.field_description of `a`, `b`, `c`, `d`, `e` and 2 more$/ }],
    },
    {
      name: 'one finding per descriptor',
      docs: system({
        'raw-data': { schema: undefined },
        'training-data': { schema: undefined, statistics: undefined },
        'production-data': { schema: undefined, statistics: undefined },
      }),
      findings: [
        { message: /^raw-data `raw` does not say: schema$/ },
        { message: /^training-data `train` does not say: schema$/ },
        { message: /^production-data `traffic` does not say: schema$/, roles: ['operations'] },
      ],
    },
  ],
});
