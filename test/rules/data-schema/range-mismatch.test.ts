import { rangeMismatch } from '../../../src/rules/data-schema/range-mismatch.js';
import { ruleTester } from '../tester.js';
import { pd, td } from './helpers.js';

const pair = (training: Record<string, unknown>, production: Record<string, unknown>, unit?: string) => [
  td([{ field_name: 'x', mapping_production_data: 'x', item_specification: training, ...(unit ? { unit } : {}) }]),
  pd([{ field_name: 'x', item_specification: production }]),
];
const codes = (n: number, extra: string[] = []) => [...Array.from({ length: n }, (_, i) => `C${i}`), ...extra];

ruleTester(rangeMismatch, {
  valid: [
    {
      name: 'production inside the training range',
      docs: pair({ min_value: 0, max_value: 100 }, { min_value: 5, max_value: 100 }),
    },
    { name: 'only one side states a bound', docs: pair({ min_value: 0 }, { max_value: 1000 }) },
    {
      name: 'the same values in another order, numbers and their text',
      docs: pair({ allowed_values: ['a', 'b', 1] }, { allowed_values: ['1', 'b', 'a'] }),
    },
    { name: 'shorter text than training', docs: pair({ max_length: 10 }, { max_length: 3 }) },
  ],
  invalid: [
    {
      name: 'production goes beyond the training maximum (the flight example, km vs miles)',
      docs: pair({ min_value: 10, max_value: 5100 }, { min_value: 16, max_value: 8208 }, 'miles'),
      findings: [
        {
          message:
            /^production-data `p` field `x` allows values up to 8208; training-data `t` covers at most 5100: the model never saw such values$/,
          severity: 'warning',
          evidence: [
            'training-data/t:/schema/0/item_specification/max_value',
            'production-data/p:/schema/0/item_specification/max_value',
          ],
        },
      ],
    },
    {
      name: 'both bounds beyond, one finding',
      docs: pair({ min_value: 0, max_value: 10 }, { min_value: -5, max_value: 20 }),
      findings: [
        {
          message: /allows values down to -5 and values up to 20; .* covers at least 0 and at most 10/,
          evidence: ['training-data/t:/schema/0/item_specification', 'production-data/p:/schema/0/item_specification'],
        },
      ],
    },
    {
      name: 'a production range far wider than training is still a warning while they overlap',
      docs: pair({ min_value: 0, max_value: 1 }, { min_value: 0, max_value: 100 }),
      findings: [{ message: /values up to 100/, severity: 'warning' }],
    },
    {
      name: 'disjoint ranges',
      docs: pair({ min_value: 0, max_value: 1 }, { min_value: 50, max_value: 100 }),
      findings: [{ message: /values up to 100/, severity: 'error' }],
    },
    {
      name: 'categories the model never saw',
      docs: pair({ allowed_values: ['card', 'cash'] }, { allowed_values: ['card', 'cash', 'crypto'] }),
      findings: [
        {
          message:
            /allows the value `crypto`; training-data `t` covers only 2 other values: .* \(1 of 3 production values; a warning from 5%\)/,
          severity: 'warning',
          evidence: [
            'training-data/t:/schema/0/item_specification/allowed_values',
            'production-data/p:/schema/0/item_specification/allowed_values',
          ],
        },
      ],
    },
    {
      name: 'a few new codes in a long list are information (two new airports among a hundred)',
      docs: pair({ allowed_values: codes(100) }, { allowed_values: codes(100, ['GST', 'LWB']) }),
      findings: [{ message: /the values `GST`, `LWB`/, severity: 'info' }],
    },
    {
      name: 'longer text than training saw',
      docs: pair({ min_length: 3, max_length: 3 }, { min_length: 3, max_length: 4 }),
      findings: [{ message: /allows text up to 4 characters; .* covers at most 3 characters/ }],
    },
  ],
});
