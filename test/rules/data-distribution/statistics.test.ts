import { profileColumns } from '../../../src/data/profile/profile.js';
import { statistics } from '../../../src/rules/data-distribution/statistics.js';
import { pd, td } from '../data-schema/helpers.js';
import { ruleTester } from '../tester.js';

type Stat = [field: string, property: string, value: number | string];
const stats = (list: Stat[]) => list.map(([field, property, value]) => ({ field, property, value }));
const training = (list: Stat[], fields = ['distance'], unit?: string) =>
  td(
    fields.map((f) => ({ field_name: f, mapping_production_data: f, ...(unit ? { unit } : {}) })),
    { statistics: stats(list) },
  );
const production = (list: Stat[], fields = ['distance'], unit?: string) =>
  pd(
    fields.map((f) => ({ field_name: f, ...(unit ? { unit } : {}) })),
    { statistics: stats(list) },
  );

const flightsTraining: Stat[] = [
  ['distance', 'mean', 729.04],
  ['distance', 'std', 572.04],
  ['distance', 'q1', 308],
  ['distance', 'median', 569],
  ['distance', 'q3', 980],
  ['distance', 'distribution-type', 'right-skewed, most flights 300–1,000 miles'],
];

ruleTester(statistics, {
  valid: [
    {
      name: 'the small true differences of the consistent flight example',
      docs: [
        training(flightsTraining, ['distance'], 'miles'),
        production(
          [
            ['distance', 'mean', 736.63],
            ['distance', 'std', 579.7],
            ['distance', 'q1', 312],
            ['distance', 'median', 570],
            ['distance', 'q3', 983],
            ['distance', 'distribution-type', 'right-skewed, most flights 300–1,000 miles'],
          ],
          ['distance'],
          'miles',
        ),
      ],
    },
    {
      name: '52.3 vs 52.31 is within tolerance (TEC R15 compares strings: even "52.3" vs "52.30" is a mismatch)',
      docs: [
        training([
          ['distance', 'mean', 52.3],
          ['distance', 'std', 10],
        ]),
        production([
          ['distance', 'mean', 52.31],
          ['distance', 'std', 10.2],
        ]),
      ],
    },
    {
      name: 'distribution types that differ in case and punctuation only (TEC R15 flags Normal vs normal)',
      docs: [
        training([['distance', 'distribution-type', 'Log-normal']]),
        production([['distance', 'distribution-type', 'log normal']]),
      ],
    },
    {
      name: 'a statistic production does not give is not compared',
      docs: [
        training([
          ['distance', 'mean', 10],
          ['distance', 'kurtosis', 3],
        ]),
        production([['distance', 'mean', 10]]),
      ],
    },
    {
      name: 'a field both profiles compare is data-distribution/profile-drift’s, whatever was typed',
      docs: [training([['distance', 'mean', 10]]), production([['distance', 'mean', 99]])],
      profiles: {
        'training-data/t': profileColumns({ distance: [1, 2, 3] }),
        'production-data/p': profileColumns({ distance: [1, 2, 3] }),
      },
    },
    {
      name: 'statistics of an unmapped field are not compared',
      docs: [
        td([{ field_name: 'distance' }], { statistics: stats([['distance', 'mean', 10]]) }),
        production([['distance', 'mean', 99]]),
      ],
    },
  ],
  invalid: [
    {
      name: 'kilometres in production, miles in training (the flight example)',
      docs: [
        training(flightsTraining, ['distance'], 'miles'),
        production(
          [
            ['distance', 'mean', 1185.49],
            ['distance', 'std', 932.94],
            ['distance', 'q1', 502],
            ['distance', 'median', 917],
            ['distance', 'q3', 1582],
            ['distance', 'distribution-type', 'right-skewed, most flights 500–1,600 km'],
          ],
          ['distance'],
          'km',
        ),
      ],
      findings: [
        {
          message:
            /^`distance` differs between training-data `t` and production-data `p` \(in different units: miles vs km; 1 mile = 1\.609 km\): mean 729\.04 → 1185\.49 \(0\.80 training std\), std 572\.04 → 932\.94 \(ratio 1\.63\), q1 308 → 502 \(0\.34 training std\), median 569 → 917 \(0\.61 training std\), q3 980 → 1582 \(1\.05 training std\), distribution-type ".*" → ".*" \(described differently\) \[location shift in training std: warning ≥ 0\.2, error ≥ 0\.5; spread ratio .*: warning ≥ 1\.25, error ≥ 1\.5; words compared .*\]$/,
          severity: 'error',
          evidence: [0, 1, 2, 3, 4, 5].flatMap((i) => [
            `training-data/t:/statistics/${i}/value`,
            `production-data/p:/statistics/${i}/value`,
          ]),
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'typed statistics are compared where only one side has a profile',
      docs: [training([['distance', 'mean', 10]]), production([['distance', 'mean', 99]])],
      profiles: { 'training-data/t': profileColumns({ distance: [1, 2, 3] }) },
      findings: [{ message: /^`distance` differs .*: mean 10 → 99/ }],
    },
    {
      name: 'drift on the second field (TEC misses this: R15 takes the first production mean, which is another field’s)',
      docs: [
        training(
          [
            ['amount', 'mean', 52.3],
            ['age', 'mean', 40],
            ['age', 'std', 12],
          ],
          ['amount', 'age'],
        ),
        production(
          [
            ['amount', 'mean', 52.3],
            ['age', 'mean', 75],
          ],
          ['amount', 'age'],
        ),
      ],
      findings: [
        {
          message: /^`age` differs .*: mean 40 → 75 \(2\.92 training std\)/,
          severity: 'error',
          evidence: ['training-data/t:/statistics/1/value', 'production-data/p:/statistics/1/value'],
        },
      ],
    },
    {
      name: 'Mean and average are one statistic (TEC misses this: exact property names)',
      docs: [
        training([
          ['distance', 'Mean', 10],
          ['distance', 'sd', 5],
        ]),
        production([['distance', 'average', 12]]),
      ],
      findings: [{ message: /mean 10 → 12 \(0\.40 training std\)/, severity: 'warning' }],
    },
    {
      name: 'without a training spread, a relative difference',
      docs: [training([['distance', 'median', 100]]), production([['distance', 'median', 115]])],
      findings: [
        {
          message:
            /median 100 → 115 \(13% apart\) \[relative difference to the larger value \(no training spread known\): warning ≥ 0\.1, error ≥ 0\.25\]/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'another distribution shape',
      docs: [
        training([['distance', 'distribution-type', 'Normal']]),
        production([['distance', 'distribution', 'bimodal']]),
      ],
      findings: [{ message: /distribution-type "Normal" → "bimodal" \(described differently\)/, severity: 'warning' }],
    },
    {
      name: 'missing values the model never saw',
      docs: [training([['distance', 'missing-share', 0]]), production([['distance', 'missing-share', 0.25]])],
      findings: [{ message: /missing-share 0 → 0\.25 \(25 pp\)/, severity: 'error' }],
    },
    {
      name: 'a field mapped under another name, and a variance',
      docs: [
        td([{ field_name: 'dist', mapping_production_data: 'distance_mi' }], {
          statistics: stats([['dist', 'variance', 100]]),
        }),
        pd([{ field_name: 'distance_mi' }], { statistics: stats([['distance_mi', 'variance', 169]]) }),
      ],
      findings: [
        {
          message: /^`dist` \(production `distance_mi`\) differs .*variance 100 → 169 \(ratio 1\.3\)/,
          severity: 'warning',
        },
      ],
    },
  ],
});
