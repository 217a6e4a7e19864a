import { unitMismatch } from '../../../src/rules/api/unit-mismatch.js';
import { ruleTester } from '../tester.js';
import { modelToDownstream, upstreamToPipeline } from './helpers.js';

const { upstream, pipeline } = upstreamToPipeline('distance');
const { model, downstream } = modelToDownstream('p', 'notify', 'risk');

ruleTester(unitMismatch, {
  valid: [
    { name: 'one unit, two spellings', docs: [pipeline({ unit: 'kilometres' }), upstream({ unit: 'km' })] },
    { name: 'miles and statute miles', docs: [pipeline({ unit: 'statute miles' }), upstream({ unit: 'mi' })] },
    { name: 'percent and %', docs: [model({ unit: 'percent' }), downstream({ unit: '%' })] },
    {
      name: 'unknown units written alike',
      docs: [pipeline({ unit: 'Hour of day' }), upstream({ unit: 'hour of  day' })],
    },
    { name: 'no unit on either side', docs: [pipeline({ item_type: 'integer' }), upstream({ item_type: 'integer' })] },
    {
      name: 'a probability into a yes/no input: no unit expected there',
      docs: [model({ unit: 'probability', item_type: 'float' }), downstream({ item_type: 'boolean' })],
    },
    {
      name: 'different units on items that are not connected',
      docs: [
        { ...pipeline({ unit: 'miles' }), input_spec: [{ item_name: 'distance', unit: 'miles' }] },
        upstream({ unit: 'km' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'kilometres sent, miles expected (the flight-delays example)',
      docs: [
        pipeline({ unit: 'miles', item_specification: { min_value: 10, max_value: 5100 } }),
        upstream({ unit: 'km', item_specification: { min_value: 16, max_value: 8208 } }),
      ],
      findings: [
        {
          message:
            /^upstream component `booking-api` sends `distance` in km; data-pipeline `features` expects `distance` in miles \(1 km = 0\.6214 miles\); declared ranges 16–8208 km and 10–5100 miles$/,
          severity: 'error',
          evidence: [
            'development-environment/dev:/upstream_components/0/output_spec/0/unit',
            'data-pipeline/features:/input_spec/0/unit',
          ],
          roles: ['software-engineer', 'data-engineer'],
        },
      ],
    },
    {
      name: 'a probability read as a percentage',
      docs: [model({ unit: 'probability' }), downstream({ unit: '%' })],
      findings: [
        {
          message:
            /^trained-model `m` sends `p` in probability; downstream component `notify` expects `risk` in % \(1 probability = 100 %\)$/,
          evidence: [
            'trained-model/m:/output_spec/0/unit',
            'development-environment/dev:/downstream_components/0/input_spec/0/unit',
          ],
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
    {
      name: 'currencies need a rate, not a factor',
      docs: [model({ unit: 'USD' }), downstream({ unit: 'euros' })],
      findings: [{ message: /sends `p` in USD; .* expects `risk` in euros$/, severity: 'error' }],
    },
    {
      name: 'not even the same quantity',
      docs: [pipeline({ unit: 'minutes' }), upstream({ unit: 'km' })],
      findings: [{ message: /in km; .* in minutes \(not even the same quantity\)/ }],
    },
    {
      name: 'units Dovetail does not know and that differ are a warning',
      docs: [pipeline({ unit: 'hour of day' }), upstream({ unit: 'hours since midnight UTC' })],
      findings: [
        {
          message:
            /in hours since midnight UTC; .* in hour of day: the units are written differently; if they mean one unit, write it the same way on both sides$/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a unit on one side of a number only is information',
      docs: [pipeline({ unit: 'miles', item_type: 'integer' }), upstream({ item_type: 'integer' })],
      findings: [
        {
          message:
            /^data-pipeline `features` expects `distance` in miles; upstream component `booking-api` does not say which unit `distance` is in$/,
          severity: 'info',
          evidence: [
            'development-environment/dev:/upstream_components/0/output_spec/0',
            'data-pipeline/features:/input_spec/0/unit',
          ],
        },
      ],
    },
  ],
});
