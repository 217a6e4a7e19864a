import { descriptor } from '../../../src/rules/missing-information/descriptor.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(descriptor, {
  valid: [{ name: 'all eight kinds are there', docs: system() }],
  invalid: [
    {
      name: 'one finding per missing kind, naming the role who must write it',
      docs: system({ 'production-data': null, 'data-pipeline': null }),
      findings: [
        {
          message:
            /^the system has no production-data descriptor: operations should describe the sources, rates, schema and statistics/,
          severity: 'warning',
          evidence: [],
          roles: ['operations'],
        },
        {
          message:
            /^the system has no data-pipeline descriptor: the data engineer should describe how production inputs become model inputs/,
          evidence: [],
          roles: ['data-engineer'],
        },
      ],
    },
    {
      name: 'a lone trained model: seven findings, not every field of seven descriptors (TEC fires every missing-field check of an absent descriptor)',
      docs: [one('trained-model')],
      findings: [
        {
          message: /no system-context descriptor: the product owner should describe the task/,
          roles: ['product-owner'],
        },
        { message: /no raw-data descriptor/ },
        { message: /no data-pipeline descriptor/ },
        { message: /no training-data descriptor: the data scientist/ },
        { message: /no development-environment descriptor: the software engineer/ },
        { message: /no production-environment descriptor/ },
        { message: /no production-data descriptor/ },
      ],
    },
  ],
});
