import { labelSet } from '../../../src/rules/data-schema/label-set.js';
import { ruleTester } from '../tester.js';
import { rawShares as raw, rd, type Share, trainingShares } from './helpers.js';

const training = (shares: Share[]) => trainingShares(shares, { raw_data: 'r' });

ruleTester(labelSet, {
  valid: [
    {
      name: 'same labels, booleans and their text',
      docs: [
        raw([
          [true, 20],
          [false, 80],
        ]),
        training([
          ['true', 21],
          ['false', 79],
        ]),
      ],
    },
    {
      name: 'labels differing only in case',
      docs: [
        raw([
          ['Fraud', 2],
          ['Legit', 98],
        ]),
        training([
          ['fraud', 2],
          ['legit', 98],
        ]),
      ],
    },
    {
      name: 'a raw label with no instances may go',
      docs: [
        raw([
          ['a', 50],
          ['b', 50],
          ['c', 0],
        ]),
        training([
          ['a', 50],
          ['b', 50],
        ]),
      ],
    },
    { name: 'no raw label distribution: nothing to compare', docs: [rd(), training([['a', 100]])] },
  ],
  invalid: [
    {
      name: 'a class filtered out in preparation',
      docs: [
        raw([
          ['ok', 90],
          ['late', 8],
          ['cancelled', 2],
        ]),
        training([
          ['ok', 92],
          ['late', 8],
        ]),
      ],
      findings: [
        {
          message:
            /^raw-data `r` has label `cancelled` \(2%\) that training-data `t` does not have: the model can never predict it$/,
          severity: 'warning',
          evidence: ['raw-data/r:/labels_distribution/2/label', 'training-data/t:/distribution'],
          roles: ['data-engineer', 'data-scientist'],
        },
      ],
    },
    {
      name: 'labels renamed between raw and training data',
      docs: [
        raw([
          ['yes', 20],
          ['no', 80],
        ]),
        training([
          ['true', 20],
          ['false', 80],
        ]),
      ],
      findings: [
        { message: /raw-data `r` has labels `yes`, `no` \(20%, 80%\)/ },
        {
          message: /training-data `t` has labels `true`, `false` that raw-data `r` does not have \(`yes`, `no`\)/,
          evidence: [
            'raw-data/r:/labels_distribution',
            'training-data/t:/distribution/0/label',
            'training-data/t:/distribution/1/label',
          ],
        },
      ],
    },
  ],
});
