import { productionFieldUnmapped } from '../../../src/rules/data-schema/production-field-unmapped.js';
import { ruleTester } from '../tester.js';
import { pd, td } from './helpers.js';

ruleTester(productionFieldUnmapped, {
  valid: [
    {
      name: 'every production field has a training counterpart',
      docs: [td([{ field_name: 'amt', mapping_production_data: 'amount' }]), pd([{ field_name: 'amount' }])],
    },
    {
      name: 'an unmapped label stands for the production field of its name (TEC R14C flags it)',
      docs: [td([{ field_name: 'fraud', label_field: true }]), pd([{ field_name: 'fraud' }])],
    },
    {
      name: 'no training data: nothing to compare (TEC R14C flags every field)',
      docs: [pd([{ field_name: 'amount' }])],
    },
    {
      name: 'a same-name training field without mapping is reported by training-field-unmapped',
      docs: [td([{ field_name: 'amount' }]), pd([{ field_name: 'amount' }])],
    },
  ],
  invalid: [
    {
      name: 'a production field the model never learned from',
      docs: [
        td([{ field_name: 'amount', mapping_production_data: 'amount' }]),
        pd([{ field_name: 'amount' }, { field_name: 'request_id' }]),
      ],
      findings: [
        {
          message:
            /^production-data `p` field `request_id` corresponds to no field of training-data `t`: the model never learned from it$/,
          severity: 'info',
          evidence: ['production-data/p:/schema/1/field_name', 'training-data/t:/schema'],
          roles: ['operations', 'data-scientist'],
        },
      ],
    },
  ],
});
