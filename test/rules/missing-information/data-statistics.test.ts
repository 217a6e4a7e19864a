import { dataStatistics } from '../../../src/rules/missing-information/data-statistics.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(dataStatistics, {
  valid: [
    { name: 'statistics and label distributions on both sides', docs: system() },
    {
      name: 'a profile stands for the statistics',
      docs: [one('training-data', { statistics: undefined, profile: 'profiles/train.json' })],
    },
    {
      name: 'a regression model needs no label distribution',
      docs: system({
        'system-context': { ml_problem_type: 'regression' },
        'training-data': { distribution: undefined },
        'production-data': { distribution: undefined },
      }),
    },
    {
      name: 'no problem type and no categorical label: no label distribution asked for',
      docs: [
        one('training-data', {
          distribution: undefined,
          schema: [{ field_name: 'distance', field_description: 'Miles.', field_type: 'integer', label_field: true }],
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'training data with neither statistics nor label distribution (TEC misses this: it never checks statistics)',
      docs: system({ 'training-data': { statistics: undefined, distribution: undefined } }),
      findings: [
        {
          message: /^training-data `train` does not say: statistics or profile, distribution$/,
          severity: 'warning',
          evidence: ['training-data/train:'],
          roles: ['data-scientist'],
        },
      ],
    },
    {
      name: 'production data without statistics',
      docs: system({ 'production-data': { statistics: [] } }),
      findings: [{ message: /^production-data `traffic` does not say: statistics or profile$/, roles: ['operations'] }],
    },
    {
      name: 'no system context, but a boolean label field: a classifier, so the label distribution is asked for',
      docs: [one('training-data', { distribution: undefined })],
      findings: [{ message: /^training-data `train` does not say: distribution$/ }],
    },
  ],
});
