import { unseenProductionLabel } from '../../../src/rules/data-distribution/unseen-production-label.js';
import { productionShares as production, td, trainingShares as training } from '../data-schema/helpers.js';
import { ruleTester } from '../tester.js';

ruleTester(unseenProductionLabel, {
  valid: [
    {
      name: 'every production label mapped',
      docs: [
        training([
          [1, 30, 'churn'],
          [0, 70, 'stay'],
        ]),
        production([
          ['churn', 28],
          ['stay', 72],
        ]),
      ],
    },
    {
      name: 'labels of the same name need no mapping',
      docs: [
        training([
          [true, 20],
          [false, 80],
        ]),
        production([
          ['True', 18],
          ['false', 82],
        ]),
      ],
    },
    { name: 'no training distribution: nothing to compare', docs: [td([]), production([['a', 100]])] },
  ],
  invalid: [
    {
      name: 'a production class the model never saw (TEC misses this: R16 ignores production labels no training label maps to)',
      docs: [
        training([
          ['fraud', 2],
          ['legit', 98],
        ]),
        production([
          ['fraud', 2],
          ['legit', 93],
          ['chargeback', 5],
        ]),
      ],
      findings: [
        {
          message:
            /^production-data `p` has label `chargeback` \(5% of production\) that training-data `t` does not have: the model can never predict it$/,
          severity: 'warning',
          evidence: ['training-data/t:/distribution', 'production-data/p:/distribution/2/label'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'a label listed at 0% is information',
      docs: [
        training([
          ['a', 50],
          ['b', 50],
        ]),
        production([
          ['a', 50],
          ['b', 50],
          ['c', 0],
        ]),
      ],
      findings: [{ message: /label `c` \(0% of production\)/, severity: 'info' }],
    },
  ],
});
