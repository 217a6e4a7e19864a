import { unitMismatch } from '../../../src/rules/data-schema/unit-mismatch.js';
import { ruleTester } from '../tester.js';
import { pd, td } from './helpers.js';

const pair = (trainingUnit?: string, productionUnit?: string, extra: Record<string, unknown> = {}) => [
  td([
    {
      field_name: 'distance',
      mapping_production_data: 'distance',
      ...(trainingUnit ? { unit: trainingUnit } : {}),
      ...extra,
    },
  ]),
  pd([{ field_name: 'distance', ...(productionUnit ? { unit: productionUnit } : {}) }]),
];

ruleTester(unitMismatch, {
  valid: [
    { name: 'one unit, three spellings', docs: pair('miles', 'mi') },
    { name: 'statute miles are miles', docs: pair('Statute Miles', 'mile') },
    { name: 'free-text units that differ only by case and plural', docs: pair('Hours of day', 'hour of day') },
    { name: 'one side gives no unit: missing information, not a mismatch', docs: pair('miles', undefined) },
  ],
  invalid: [
    {
      name: 'miles in training, kilometres in production (the flight example)',
      docs: pair('miles', 'km'),
      findings: [
        {
          message:
            /^training-data `t` field `distance` is in miles; production-data `p` supplies it in km \(1 mile = 1\.609 km\): every production value is 1\.609× what the model expects/,
          severity: 'error',
          evidence: ['training-data/t:/schema/0/unit', 'production-data/p:/schema/0/unit'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'seconds against milliseconds',
      docs: pair('s', 'milliseconds'),
      findings: [{ message: /\(1 s = 1000 ms\): every production value is 1000×/, severity: 'error' }],
    },
    {
      name: 'units of different dimensions',
      docs: pair('minutes', 'USD'),
      findings: [{ message: /is in minutes; .* in USD \(not even the same quantity\)$/, severity: 'error' }],
    },
    {
      name: 'the ground truth of a label in another unit',
      docs: pair('minutes', 'seconds', { label_field: true }),
      findings: [{ message: /\(1 min = 60 s\)/ }],
    },
    {
      name: 'free-text units written differently are a warning',
      docs: pair('hour of day (local)', 'hour of day (UTC)'),
      findings: [{ message: /written differently/, severity: 'warning' }],
    },
  ],
});
