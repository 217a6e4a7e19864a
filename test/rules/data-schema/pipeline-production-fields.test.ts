import { pipelineProductionFields } from '../../../src/rules/data-schema/pipeline-production-fields.js';
import { ruleTester } from '../tester.js';
import { pd } from './helpers.js';

const pipeline = (item: Record<string, unknown>) => ({
  kind: 'data-pipeline',
  name: 'dp',
  input_spec: [{ item_name: 'distance', ...item }],
});

ruleTester(pipelineProductionFields, {
  valid: [
    {
      name: 'type, unit and range agree (spelt differently)',
      docs: [
        pipeline({ item_type: 'Integer', unit: 'miles', item_specification: { min_value: 10, max_value: 5100 } }),
        pd([
          {
            field_name: 'distance',
            field_type: 'int64',
            unit: 'mi',
            item_specification: { min_value: 10, max_value: 5000 },
          },
        ]),
      ],
    },
    {
      name: 'an input production data does not hold is not compared',
      docs: [pipeline({ item_type: 'integer' }), pd([{ field_name: 'dist', field_type: 'string' }])],
    },
    {
      name: 'no production data: nothing to compare (TEC never compares them)',
      docs: [pipeline({ item_type: 'integer' })],
    },
  ],
  invalid: [
    {
      name: 'kilometres into a pipeline that takes miles (the flight example)',
      docs: [
        pipeline({
          item_type: 'integer',
          unit: 'miles',
          item_specification: { min_value: 10, max_value: 5100 },
          error_handling: { error_type: 'return-error-code', error_code_value: 422 },
        }),
        pd([
          {
            field_name: 'distance',
            field_type: 'integer',
            unit: 'km',
            item_specification: { min_value: 16, max_value: 8208 },
          },
        ]),
      ],
      findings: [
        {
          message:
            /^data-pipeline `dp` input `distance` is in miles; production-data `p` supplies it in km \(1 mile = 1\.609 km\)$/,
          severity: 'error',
          evidence: ['data-pipeline/dp:/input_spec/0/unit', 'production-data/p:/schema/0/unit'],
          roles: ['data-engineer', 'operations'],
        },
        {
          message:
            /^production-data `p` field `distance` allows values up to 8208; data-pipeline `dp` input `distance` accepts at most 5100 \(in different units: miles vs km; 1 mile = 1\.609 km\): those production values are rejected or altered \(its error handling: return-error-code\)$/,
          severity: 'warning',
          evidence: [
            'data-pipeline/dp:/input_spec/0/item_specification/max_value',
            'production-data/p:/schema/0/item_specification/max_value',
          ],
        },
      ],
    },
    {
      name: 'text where the pipeline takes numbers',
      docs: [pipeline({ item_type: 'float' }), pd([{ field_name: 'distance', field_type: 'string' }])],
      findings: [
        {
          message: /^data-pipeline `dp` input `distance` takes float; production-data `p` supplies it as string$/,
          severity: 'error',
          evidence: ['data-pipeline/dp:/input_spec/0/item_type', 'production-data/p:/schema/0/field_type'],
        },
      ],
    },
  ],
});
