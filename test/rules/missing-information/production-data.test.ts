import { productionData } from '../../../src/rules/missing-information/production-data.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(productionData, {
  valid: [
    { name: 'sources and rate stated', docs: system() },
    {
      name: 'a rate in words is an answer',
      docs: [
        one('production-data', {
          data_rates: undefined,
          data_rates_details: 'About 25 per second, peaks of 120/s on Mondays.',
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'neither sources nor rate',
      docs: [one('production-data', { data_sources: [], data_rates: undefined })],
      findings: [
        {
          message: /^production-data `traffic` does not say: data_sources, data_rates$/,
          severity: 'info',
          evidence: ['production-data/traffic:'],
          roles: ['operations'],
        },
      ],
    },
  ],
});
