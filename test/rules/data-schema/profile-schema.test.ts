import { profileColumns } from '../../../src/data/profile/profile.js';
import { profileSchema } from '../../../src/rules/data-schema/profile-schema.js';
import { ruleTester } from '../tester.js';
import { pd, rd, td } from './helpers.js';

/** Delays in minutes and departure airports, as a profile. */
const data = (delays: unknown[] = [-5, 0, 12, 40], origins = ['ORD', 'DFW', 'ORD', 'ATL'], types = {}) =>
  profileColumns({ delay: delays, origin: origins }, { types: { delay: 'integer', origin: 'string', ...types } });

const delay = (spec: Record<string, unknown> = {}, type = 'integer') => ({
  field_name: 'delay',
  field_type: type,
  item_specification: { min_value: -60, max_value: 1440, ...spec },
});
const origin = (allowed = ['ORD', 'DFW', 'ATL']) => ({
  field_name: 'origin',
  field_type: 'category',
  item_specification: { allowed_values: allowed },
});
const training = (schema: Record<string, unknown>[]) => td(schema, { profile: 't.profile.json' });
const evidence = (path: string) => [`training-data/t:${path}`, 'training-data/t:/profile'];

ruleTester(profileSchema, {
  valid: [
    {
      name: 'the schema describes the data',
      docs: [training([delay(), origin()])],
      profiles: { 'training-data/t': data() },
    },
    {
      name: 'fields match columns ignoring case; integers fit a float field, anything a string field',
      docs: [
        training([
          { ...delay({}, 'float'), field_name: 'Delay' },
          { field_name: 'origin', field_type: 'string' },
        ]),
      ],
      profiles: { 'training-data/t': data() },
    },
    {
      name: 'an allowed value longer than the profile keeps whole is found under its key',
      docs: [training([delay(), origin(['ORD', 'DFW', `ATL ${'x'.repeat(300)}`])])],
      profiles: { 'training-data/t': data(undefined, ['ORD', 'DFW', 'ORD', `ATL ${'x'.repeat(300)}`]) },
    },
    {
      name: 'without a profile there is nothing to compare',
      docs: [training([delay({ max_value: 10 })])],
    },
  ],
  invalid: [
    {
      name: 'a field the data lack, a column the schema lacks',
      docs: [training([delay(), { field_name: 'dep_hour', field_type: 'integer' }])],
      profiles: { 'training-data/t': data() },
      findings: [
        {
          message:
            /^training-data `t` \(profile t\.profile\.json\): schema field `dep_hour` is not a column of the data$/,
          severity: 'warning',
          evidence: evidence('/schema/1/field_name'),
          roles: ['data-scientist'],
        },
        {
          message: /^training-data `t` \(profile t\.profile\.json\): column `origin` of the data is not in the schema$/,
          evidence: evidence('/schema'),
        },
      ],
    },
    {
      name: 'a type the data contradict',
      docs: [training([delay(), { ...origin(), field_type: 'integer' }])],
      profiles: { 'training-data/t': data() },
      findings: [
        {
          message: /: `origin` is declared integer, but the data hold string values$/,
          severity: 'error',
          evidence: evidence('/schema/1/field_type'),
        },
      ],
    },
    {
      name: 'values that are not of the declared type',
      docs: [training([delay(), origin()])],
      profiles: { 'training-data/t': data([-5, 'late', 12, 40]) },
      findings: [{ message: /: `delay` is declared integer, but 1 of its 4 values are not$/, severity: 'warning' }],
    },
    {
      name: 'values outside the declared range',
      docs: [training([delay({ min_value: 0, max_value: 30 }), origin()])],
      profiles: { 'training-data/t': data() },
      findings: [
        {
          message:
            /: `delay` holds values outside its declared range: smallest -5 < min_value 0, largest 40 > max_value 30$/,
          evidence: evidence('/schema/0/item_specification/min_value'),
        },
      ],
    },
    {
      name: 'production airports the allowed values do not list',
      docs: [pd([delay(), origin(['ORD'])], { profile: 'p.profile.json' })],
      profiles: { 'production-data/p': data() },
      findings: [
        {
          message:
            /^production-data `p` \(profile p\.profile\.json\): `origin` holds values its allowed_values do not list: `ATL`, `DFW`$/,
          evidence: ['production-data/p:/schema/1/item_specification/allowed_values', 'production-data/p:/profile'],
          roles: ['operations'],
        },
      ],
    },
    {
      name: 'raw data whose dictionary has a field the data lack',
      docs: [rd({ schema: [delay(), origin(), { field_name: 'carrier' }], profile: 'r.profile.json' })],
      profiles: { 'raw-data/r': data() },
      findings: [{ message: /^raw-data `r` .*: schema field `carrier` is not a column of the data$/ }],
    },
  ],
});
