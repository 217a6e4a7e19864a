import { profileColumns } from '../../../src/data/profile/profile.js';
import { labelDistribution } from '../../../src/rules/data-distribution/label-distribution.js';
import { pd, productionShares as production, td, trainingShares as training } from '../data-schema/helpers.js';
import { ruleTester } from '../tester.js';

ruleTester(labelDistribution, {
  valid: [
    {
      name: 'the true seasonal difference of the flight example (20.62% vs 18.70% late, PSI 0.0023)',
      docs: [
        training([
          [true, 20.62, 'true'],
          [false, 79.38, 'false'],
        ]),
        production([
          [true, 18.7],
          [false, 81.3],
        ]),
      ],
    },
    {
      name: '2% vs 2.5% is within tolerance (TEC R16 flags any inequality)',
      docs: [
        training([
          ['fraud', 2],
          ['legit', 98],
        ]),
        production([
          ['fraud', 2.5],
          ['legit', 97.5],
        ]),
      ],
    },
    {
      name: 'labels paired through their mapping',
      docs: [
        training([
          ['1', 30, 'churn'],
          ['0', 70, 'stay'],
        ]),
        production([
          ['churn', 28],
          ['stay', 72],
        ]),
      ],
    },
    {
      name: 'both profiles count the label column: data-distribution/profile-labels compares the data instead',
      docs: [
        td([{ field_name: 'late', label_field: true }], {
          distribution: [
            { label: 'true', percentage: 20 },
            { label: 'false', percentage: 80 },
          ],
        }),
        pd([{ field_name: 'late' }], {
          distribution: [
            { label: 'true', percentage: 60 },
            { label: 'false', percentage: 40 },
          ],
        }),
      ],
      profiles: {
        'training-data/t': profileColumns({ late: [true, false, false] }),
        'production-data/p': profileColumns({ late: [true, true, false] }),
      },
    },
    {
      name: 'no production distribution: nothing to compare',
      docs: [
        training([
          ['a', 50],
          ['b', 50],
        ]),
        pd([]),
      ],
    },
  ],
  invalid: [
    {
      name: 'a class twice as frequent in production',
      docs: [
        training([
          ['late', 20, 'late'],
          ['on-time', 80, 'on-time'],
        ]),
        production([
          ['late', 28],
          ['on-time', 72],
        ]),
      ],
      findings: [
        {
          message:
            /^label shares differ between training-data `t` and production-data `p`: `late` 20% → 28% \(\+8 pp\), `on-time` 80% → 72% \(−8 pp\); PSI 0\.035 \(warning at PSI ≥ 0\.1, ≥ 5 pp or a ×2 change of a label of ≥ 1%; error at PSI ≥ 0\.25 or ≥ 15 pp\)$/,
          severity: 'warning',
          evidence: [
            'training-data/t:/distribution/0/percentage',
            'production-data/p:/distribution/0/percentage',
            'training-data/t:/distribution/1/percentage',
            'production-data/p:/distribution/1/percentage',
          ],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'a rare class tripled: few points, but a ×3 change',
      docs: [
        training([
          ['fraud', 1],
          ['legit', 99],
        ]),
        production([
          ['fraud', 3],
          ['legit', 97],
        ]),
      ],
      findings: [
        {
          message: /`fraud` 1% → 3% \(\+2 pp\); PSI 0\.02/,
          severity: 'warning',
          evidence: ['training-data/t:/distribution/0/percentage', 'production-data/p:/distribution/0/percentage'],
        },
      ],
    },
    {
      name: 'a shift of 15 points is an error',
      docs: [
        training([
          ['a', 50],
          ['b', 50],
        ]),
        production([
          ['a', 65],
          ['b', 35],
        ]),
      ],
      findings: [{ message: /`a` 50% → 65% \(\+15 pp\)/, severity: 'error' }],
    },
  ],
});
