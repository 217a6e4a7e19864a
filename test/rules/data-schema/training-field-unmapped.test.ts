import { trainingFieldUnmapped } from '../../../src/rules/data-schema/training-field-unmapped.js';
import { ruleTester } from '../tester.js';
import { pd, td } from './helpers.js';

const production = pd([{ field_name: 'amount' }, { field_name: 'country' }]);

ruleTester(trainingFieldUnmapped, {
  valid: [
    {
      name: 'every feature mapped',
      docs: [td([{ field_name: 'amount', mapping_production_data: 'amount' }]), production],
    },
    {
      name: 'a label needs no mapping (TEC R14B flags label fields)',
      docs: [
        td([
          { field_name: 'amount', mapping_production_data: 'amount' },
          { field_name: 'fraud', label_field: true },
        ]),
        production,
      ],
    },
    {
      name: 'no production data: nothing to map to (TEC R14B flags every field)',
      docs: [td([{ field_name: 'amount' }])],
    },
    {
      name: 'a production-data descriptor without a schema is missing information, not a mismatch',
      docs: [td([{ field_name: 'amount' }]), { kind: 'production-data', name: 'p', data_rates: '5/s' }],
    },
  ],
  invalid: [
    {
      name: 'a feature with no mapping, and a production field of the same name',
      docs: [td([{ field_name: 'amount', mapping_production_data: 'amount' }, { field_name: 'country' }]), production],
      findings: [
        {
          message:
            /^training-data `t` feature `country` is mapped to no production-data field; production-data `p` has a field of the same name$/,
          severity: 'warning',
          evidence: ['training-data/t:/schema/1', 'production-data/p:/schema'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'an empty mapping, nothing of that name in production',
      docs: [td([{ field_name: 'age', mapping_production_data: '' }]), production],
      findings: [
        {
          message:
            /feature `age` is mapped to no production-data field; production-data `p` does not say where it comes from/,
          evidence: ['training-data/t:/schema/0/mapping_production_data', 'production-data/p:/schema'],
        },
      ],
    },
  ],
});
