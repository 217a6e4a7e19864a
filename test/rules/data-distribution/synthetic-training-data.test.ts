import { syntheticTrainingData } from '../../../src/rules/data-distribution/synthetic-training-data.js';
import { pd, rd } from '../data-schema/helpers.js';
import { ruleTester } from '../tester.js';

const live = pd([{ field_name: 'x' }], {
  data_sources: ['payments gateway'],
  statistics: [{ field: 'x', property: 'mean', value: 1 }],
});
const liveWithoutStatistics = pd([], { data_sources: ['payments gateway'] });

ruleTester(syntheticTrainingData, {
  valid: [
    {
      name: 'public data, not a stand-in',
      docs: [
        rd({ data_sources: [{ data_source: 'public' }], proxy_data: 'No: these are the operational records.' }),
        live,
      ],
    },
    {
      name: 'production is simulated too (a test feed)',
      docs: [rd({ data_sources: [{ data_source: 'Synthetic Data' }] }), pd([], { data_sources: ['simulator replay'] })],
    },
    {
      name: 'no production data: nothing to compare with',
      docs: [rd({ data_sources: [{ data_source: 'simulated' }] })],
    },
  ],
  invalid: [
    {
      name: 'synthetic training data, real production data',
      docs: [rd({ data_sources: [{ data_source: 'public' }, { data_source: 'Synthetic Data' }] }), live],
      findings: [
        {
          message: /^raw-data `r` is synthetic data; production-data `p` comes from operational sources/,
          severity: 'warning',
          evidence: ['raw-data/r:/data_sources/1/data_source', 'production-data/p:/data_sources'],
          roles: ['data-engineer', 'operations'],
        },
      ],
    },
    {
      name: 'proxy data and no production statistics to check it against',
      docs: [rd({ proxy_data: 'Yes: lab recordings stand in for field recordings.' }), liveWithoutStatistics],
      findings: [
        {
          message:
            /stands in for operational data \(proxy_data\); production-data `p` has no statistics, distribution or profile/,
          severity: 'warning',
          evidence: ['raw-data/r:/proxy_data', 'production-data/p:'],
        },
      ],
    },
    {
      name: 'proxy data with production statistics is information (the flight example)',
      docs: [rd({ proxy_data: 'Yes. The 2001 records stand in for live booking-api traffic.' }), live],
      findings: [{ message: /has statistics to compare it with: watch the drift/, severity: 'info' }],
    },
  ],
});
