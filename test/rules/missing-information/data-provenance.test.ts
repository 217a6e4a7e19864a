import { dataProvenance } from '../../../src/rules/missing-information/data-provenance.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const rd = (change: Record<string, unknown>) => one('raw-data', change);

ruleTester(dataProvenance, {
  valid: [
    {
      name: 'complete; a named and described data set is not flagged for its name (TEC always flags it: B-M1)',
      docs: system(),
    },
    { name: 'a count of 0 is a count (TEC counts it missing: B-M2)', docs: [rd({ number_of_instances: 0 })] },
    {
      name: 'a regression model needs no label distribution',
      docs: [rd({ labels_distribution: undefined }), one('system-context', { ml_problem_type: 'regression' })],
    },
  ],
  invalid: [
    {
      name: 'a bare raw data set: one finding',
      docs: [{ kind: 'raw-data', name: 'raw' }, one('system-context')],
      findings: [
        {
          message:
            /^raw-data `raw` does not say: data_sources, instance_type, number_of_instances, metadata, proxy_data, labels_distribution$/,
          severity: 'info',
          evidence: ['raw-data/raw:'],
          roles: ['data-engineer'],
        },
      ],
    },
    {
      name: 'partial metadata, pointed at it (TEC misses this: it checks only the collection date)',
      docs: [rd({ metadata: { collection_date: '2001-06-30' } })],
      findings: [
        {
          message:
            /^raw-data `raw` does not say: metadata\.geographic_location, metadata\.timeframe, metadata\.known_issues$/,
          evidence: ['raw-data/raw:/metadata'],
        },
      ],
    },
    {
      name: 'an `other` source without its name',
      docs: [rd({ data_sources: [{ data_source: 'public' }, { data_source: 'other' }] })],
      findings: [
        {
          message: /^raw-data `raw` does not say: data_sources\.other_source of `#2 \(other\)`$/,
          evidence: ['raw-data/raw:/data_sources/1'],
        },
      ],
    },
  ],
});
