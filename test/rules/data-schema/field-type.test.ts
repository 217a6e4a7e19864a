import { fieldType } from '../../../src/rules/data-schema/field-type.js';
import { ruleTester } from '../tester.js';
import { pd, td } from './helpers.js';

const feature = (type: string, extra: Record<string, unknown> = {}) => ({
  field_name: 'amount',
  field_type: type,
  mapping_production_data: 'amount',
  ...extra,
});
const field = (type: string, name = 'amount') => ({ field_name: name, field_type: type });

ruleTester(fieldType, {
  valid: [
    {
      name: 'same type, spelt differently (TEC R14A flags Float vs float)',
      docs: [td([feature('Float')]), pd([field('float')])],
    },
    {
      name: 'double and float64 are one type (TEC R14A flags them)',
      docs: [td([feature('double')]), pd([field('float64')])],
    },
    { name: 'an integer production field feeds a float feature', docs: [td([feature('float')]), pd([field('int64')])] },
    {
      name: 'categories travel as strings (TEC R14A flags category vs String)',
      docs: [td([feature('category')]), pd([field('String')])],
    },
    {
      name: '"Other" names no type to compare',
      docs: [td([feature('float')]), pd([field('Other')])],
    },
    {
      name: 'a label is not a model input (TEC R14A skips labels too)',
      docs: [td([feature('boolean', { label_field: true })]), pd([field('string')])],
    },
    {
      name: 'an unmapped feature is another rule',
      docs: [td([{ field_name: 'amount', field_type: 'float' }]), pd([field('string')])],
    },
    { name: 'no production data yet: nothing to compare', docs: [td([feature('float')])] },
  ],
  invalid: [
    {
      name: 'fractions fed to an integer feature',
      docs: [td([{ field_name: 'id', field_type: 'string' }, feature('integer')]), pd([field('float')])],
      findings: [
        {
          message: /^training-data `t` field `amount` is integer; production-data `p` supplies it as float$/,
          severity: 'error',
          evidence: ['training-data/t:/schema/1/field_type', 'production-data/p:/schema/0/field_type'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'a field mapped under another name',
      docs: [td([feature('datetime', { mapping_production_data: 'ts' })]), pd([field('string', 'ts')])],
      findings: [{ message: /field `amount` \(production `ts`\) is datetime; .* as string/ }],
    },
    {
      name: 'every production-data descriptor is checked (TEC misses this: one production descriptor, first match only)',
      docs: [td([feature('float')]), pd([field('float')], {}, 'replay'), pd([field('string')], {}, 'live')],
      findings: [
        {
          message: /production-data `live` supplies it as string/,
          evidence: ['training-data/t:/schema/0/field_type', 'production-data/live:/schema/0/field_type'],
        },
      ],
    },
  ],
});
