import { rawTrainingLabels } from '../../../src/rules/data-distribution/raw-training-labels.js';
import { rawShares as raw, rd, type Share, trainingShares } from '../data-schema/helpers.js';
import { ruleTester } from '../tester.js';

const training = (shares: Share[], extra: Record<string, unknown> = {}) =>
  trainingShares(shares, { raw_data: 'r', ...extra });

ruleTester(rawTrainingLabels, {
  valid: [
    {
      name: 'the flight example: 19.97% late in the raw data, 20.62% in January–April',
      docs: [
        raw([
          [true, 19.97],
          [false, 80.03],
        ]),
        training([
          [true, 20.62],
          [false, 79.38],
        ]),
      ],
    },
    {
      name: 'no raw label distribution: nothing to compare',
      docs: [
        rd(),
        training([
          ['a', 50],
          ['b', 50],
        ]),
      ],
    },
  ],
  invalid: [
    {
      name: 'a filter that changed the class balance',
      docs: [
        raw([
          ['fraud', 2],
          ['legit', 98],
        ]),
        training([
          ['fraud', 20],
          ['legit', 80],
        ]),
      ],
      findings: [
        {
          message:
            /^label shares differ between raw-data `r` and training-data `t`: `fraud` 2% → 20% \(\+18 pp\), `legit` 98% → 80% \(−18 pp\); PSI 0\.45 .*error at PSI ≥ 0\.25 or ≥ 15 pp\)$/,
          severity: 'error',
          evidence: [
            'raw-data/r:/labels_distribution/0/percentage',
            'training-data/t:/distribution/0/percentage',
            'raw-data/r:/labels_distribution/1/percentage',
            'training-data/t:/distribution/1/percentage',
          ],
          roles: ['data-engineer', 'data-scientist'],
        },
      ],
    },
    {
      name: 'a documented rebalancing is information',
      docs: [
        raw([
          ['fraud', 2],
          ['legit', 98],
        ]),
        training(
          [
            ['fraud', 50],
            ['legit', 50],
          ],
          {
            preparation_process: [
              { data_processing_step: 'sample', data_processing_detail: 'Undersampled legit transactions to 1:1.' },
            ],
          },
        ),
      ],
      findings: [
        {
          message: /the preparation process says it rebalanced \("undersampled"\), so this is information$/,
          severity: 'info',
        },
      ],
    },
    {
      name: 'a hyphenated down-sampling step is documented rebalancing too (the TEC fraud fixture)',
      docs: [
        raw([
          ['legitimate', 99.83],
          ['fraud', 0.17],
        ]),
        training(
          [
            ['legitimate', 98],
            ['fraud', 2],
          ],
          {
            preparation_process: [
              { data_processing_step: 'Down-sample', data_processing_detail: 'Keep 2% of legitimate payments' },
            ],
          },
        ),
      ],
      findings: [{ message: /`fraud` 0\.17% → 2% \(\+1\.83 pp\).*rebalanced \("down sample"\)/, severity: 'info' }],
    },
  ],
});
