import { rawTrainingType } from '../../../src/rules/data-schema/raw-training-type.js';
import { ruleTester } from '../tester.js';
import { rd, td } from './helpers.js';

const raw = (type: string, name = 'r') => rd({ schema: [{ field_name: 'x', field_type: type }] }, name);
const training = (type: string, extra: Record<string, unknown> = { raw_data: 'r' }) =>
  td([{ field_name: 'x', field_type: type }], extra);

ruleTester(rawTrainingType, {
  valid: [
    { name: 'codes kept as text become categories', docs: [raw('string'), training('category')] },
    { name: 'integers fit floats', docs: [raw('int32'), training('float')] },
    { name: 'same type, other spelling', docs: [raw('Float'), training('double')] },
    {
      name: 'fields of other names are not compared',
      docs: [rd({ schema: [{ field_name: 'date', field_type: 'string' }] }), training('datetime')],
    },
    {
      name: 'raw data the training set does not name is not compared',
      docs: [raw('string', 'other'), raw('float'), training('float')],
    },
  ],
  invalid: [
    {
      name: 'fractions kept as integers',
      docs: [raw('float'), training('integer')],
      findings: [
        {
          message:
            /^raw-data `r` field `x` is float; training-data `t` has it as integer, a conversion that can lose or invent information$/,
          severity: 'warning',
          evidence: ['raw-data/r:/schema/0/field_type', 'training-data/t:/schema/0/field_type'],
          roles: ['data-engineer', 'data-scientist'],
        },
      ],
    },
    {
      name: 'the only raw data counts when the training data names none',
      docs: [raw('string'), training('float', {})],
      findings: [{ message: /is string; .* has it as float/ }],
    },
  ],
});
